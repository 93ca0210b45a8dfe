using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>
/// Dual seizure (Q.764 §2.9.1.4): the exchange with the higher point code controls the even CICs. The controlling
/// side keeps its call and ignores the peer's IAM; the other backs off without REL, re-sends its IAM on another
/// circuit and takes the peer's call.
/// </summary>
public sealed class DualSeizureTests
{
    [Theory]
    [InlineData(200, 100, 2)] // we are higher: we control the even CICs
    [InlineData(100, 200, 1)] // we are lower: we control the odd CICs
    public void The_controlling_side_keeps_its_call_and_ignores_the_peers_IAM(int opc, int dpc, int cic)
    {
        using var harness = new ExchangeHarness(opc, dpc, cics: [new CircuitCodeRange(cic, cic), new CircuitCodeRange(10, 11)], preferControlled: false);
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        Assert.Equal(cic, call.Cic);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, cic);

        Assert.Empty(harness.Signals.Take());
        Assert.Empty(harness.Calls.Take());
        var glare = Assert.Single(harness.Maintenance.Take());
        Assert.Equal(IsupMaintenanceEventKind.Glare, glare.Kind);
        Assert.Equal(IsupMaintenanceAction.Continue, glare.Action);
        Assert.Equal(CircuitState.OutgoingAwaitingAcm, harness.Status(cic).State);

        harness.ReceiveCall(IsupMessageType.ACM, cic);
        Assert.Equal(IsupCallEventKind.AddressComplete, Assert.Single(harness.Calls.Take()).Kind);
        Assert.True(harness.Status(cic).HasCall);
        harness.CallControl.Release(call, new IsupCause(16));
        harness.Receive(IsupMessageType.RLC, cic);
        harness.AssertQuiescent();
    }

    [Theory]
    [InlineData(200, 100, 1)] // we are higher, the CIC is odd: the peer controls it
    [InlineData(100, 200, 2)] // we are lower, the CIC is even: the peer controls it
    public void The_non_controlling_side_backs_off_re_attempts_elsewhere_and_takes_the_peers_call(int opc, int dpc, int cic)
    {
        using var harness = new ExchangeHarness(opc, dpc, cics: [new CircuitCodeRange(cic, cic), new CircuitCodeRange(10, 10)], preferControlled: false);
        harness.BringUp();
        IsupCall ours = harness.SeizeOutgoing("our IAM");
        Assert.Equal(cic, ours.Cic);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, cic, "their IAM");

        // No REL for our call on the old circuit: its IAM goes again on CIC 10.
        Assert.Equal(["IAM cic=10"], harness.Signals.TakeText());
        var events = harness.Calls.Take();
        Assert.Equal(2, events.Count);
        ReceivedCallEvent offered = Assert.Single(events, e => e.Kind == IsupCallEventKind.IncomingCall);
        Assert.Equal("their IAM", offered.Event.Message);
        Assert.Equal(cic, offered.Call.Cic);
        ReceivedCallEvent moved = Assert.Single(events, e => e.Kind == IsupCallEventKind.Reattempted);
        Assert.Same(ours, moved.Call);
        Assert.Equal(IsupCallEndReason.DualSeizure, moved.Event.Reason);
        Assert.Equal(cic, moved.Event.PreviousCic);
        Assert.Equal(10, ours.Cic);
        Assert.False(ours.IsEnded);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.Glare && e.Action == IsupMaintenanceAction.BackOff);
        Assert.Equal(CircuitState.IncomingSetup, harness.Status(cic).State);
        Assert.Equal(CircuitState.OutgoingAwaitingAcm, harness.Status(10).State);

        // Both calls go on independently.
        harness.ReceiveCall(IsupMessageType.ACM, 10);
        Assert.True(harness.CallControl.SendAcm(offered.Call, "ACM"));
        Assert.Equal(["ACM cic=" + cic], harness.Signals.TakeText());
        Assert.Equal(IsupCallEventKind.AddressComplete, Assert.Single(harness.Calls.Take()).Kind);
        harness.CallControl.Release(ours, new IsupCause(16));
        harness.ReceiveRelease(cic);
        harness.Receive(IsupMessageType.RLC, 10);
        harness.AssertQuiescent();
    }

    [Fact]
    public void A_lost_dual_seizure_with_no_other_circuit_free_fails_the_call_with_cause_34()
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 1)]);
        harness.BringUp();
        IsupCall ours = harness.SeizeOutgoing();
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, 1);

        Assert.Empty(harness.Signals.Take());
        var events = harness.Calls.Take();
        ReceivedCallEvent failed = Assert.Single(events, e => e.Call == ours);
        Assert.Equal(IsupCallEventKind.Failed, failed.Kind);
        Assert.Equal(IsupCallEndReason.DualSeizure, failed.Event.Reason);
        Assert.Equal(IsupCauses.NoCircuitAvailable, failed.Event.Cause.Value);
        Assert.True(ours.IsEnded);
        Assert.Single(events, e => e.Kind == IsupCallEventKind.IncomingCall);
    }

    [Fact]
    public void Without_repeat_attempts_a_lost_dual_seizure_fails_the_call()
    {
        using var harness = new ExchangeHarness(200, 100, preferControlled: false, configure: o => o with { MaxRepeatAttempts = 0 });
        harness.BringUp();
        IsupCall ours = harness.SeizeOutgoing();
        Assert.Equal(1, ours.Cic);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, 1);

        Assert.Empty(harness.Signals.Take());
        Assert.Equal(IsupCallEventKind.Failed, Assert.Single(harness.Calls.Take(), e => e.Call == ours).Kind);
    }

    [Fact]
    public void An_IAM_after_a_backward_message_is_not_dual_seizure_but_an_unexpected_message_and_is_dropped()
    {
        using var harness = new ExchangeHarness(200, 100, preferControlled: false);
        harness.BringUp();
        IsupCall ours = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 1);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, 1);

        Assert.Empty(harness.Signals.Take());
        Assert.Empty(harness.Calls.Take());
        var unexpected = Assert.Single(harness.Maintenance.Take());
        Assert.Equal(IsupMaintenanceEventKind.UnexpectedMessage, unexpected.Kind);
        Assert.Equal(IsupMaintenanceAction.Discard, unexpected.Action);
        Assert.False(ours.IsEnded);
    }

    [Fact]
    public void The_second_dual_seizure_of_one_call_fails_it_when_one_repeat_attempt_is_allowed()
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 1), new CircuitCodeRange(3, 3), new CircuitCodeRange(5, 5)], preferControlled: false);
        harness.BringUp();
        IsupCall ours = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.IAM, 1);
        Assert.Equal(3, ours.Cic);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, 3);

        Assert.Empty(harness.Signals.Take());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take(), e => e.Call == ours);
        Assert.Equal(IsupCallEventKind.Failed, failed.Kind);
        Assert.Equal(IsupCauses.NoCircuitAvailable, failed.Event.Cause.Value);
    }

    [Fact]
    public void An_overlap_call_that_sent_SAM_is_not_re_attempted_since_its_digits_cannot_be_replayed()
    {
        using var harness = new ExchangeHarness(200, 100, preferControlled: false);
        harness.BringUp();
        IsupCall ours = harness.SeizeOutgoing();
        Assert.True(harness.CallControl.SendSam(ours, "SAM"));
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, 1);

        Assert.Empty(harness.Signals.Take());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take(), e => e.Call == ours);
        Assert.Equal((IsupCallEventKind.Failed, IsupCallEndReason.DualSeizure), (failed.Kind, failed.Event.Reason));
    }
}
