using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>Release (Q.764 §2.3, §2.9.5.1): every REL answered with RLC, T1/T5 on ours, and no circuit reused before its RLC.</summary>
public sealed class ReleaseTests
{
    [Fact]
    public void The_peers_REL_is_answered_with_RLC_at_once_and_call_control_hears_its_cause()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, call.Cic);
        harness.ReceiveCall(IsupMessageType.ANM, call.Cic);
        harness.Forget();

        harness.ReceiveRelease(call.Cic, cause: 17);

        Assert.Equal(["RLC cic=2"], harness.Signals.TakeText());
        ReceivedCallEvent released = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Released, released.Kind);
        Assert.Equal(17, released.Event.Cause.Value);
        Assert.Equal("REL", released.Event.Message);
        Assert.True(call.IsEnded);
        Assert.False(harness.CallControl.SendUsr(call, "USR"));
        harness.AssertQuiescent();
    }

    [Fact]
    public void REL_on_an_idle_circuit_is_answered_with_RLC()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.ReceiveRelease(5);

        Assert.Equal(["RLC cic=5"], harness.Signals.TakeText());
        Assert.Empty(harness.Calls.Take());
        harness.AssertQuiescent();
    }

    [Fact]
    public void RLC_on_an_idle_circuit_is_dropped()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Receive(IsupMessageType.RLC, 5);

        Assert.Empty(harness.Signals.Take());
        Assert.Empty(harness.Maintenance.Take());
        harness.AssertQuiescent();
    }

    [Fact]
    public void Crossing_RELs_are_each_answered_with_RLC_and_both_sides_complete()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.Forget();

        Assert.True(harness.CallControl.Release(call, new IsupCause(16, CauseLocation.BeyondInterworkingPoint), "our REL"));
        SentSignal rel = Assert.Single(harness.Signals.Take());
        Assert.Equal(IsupMessageType.REL, rel.Signal.Type);
        Assert.Equal(new IsupCause(16, CauseLocation.BeyondInterworkingPoint), rel.Signal.Cause);
        Assert.Equal("our REL", rel.Signal.Message);

        harness.ReceiveRelease(2);
        Assert.Equal(["RLC cic=2"], harness.Signals.TakeText());
        Assert.Equal(CircuitState.AwaitingRlc, harness.Status(2).State); // still waiting for the RLC to ours
        Assert.Empty(harness.Calls.Take());                               // call control released: it hears nothing more

        harness.Receive(IsupMessageType.RLC, 2);
        harness.AssertQuiescent();
    }

    [Fact]
    public void A_circuit_is_not_reused_before_the_RLC_to_our_REL()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 1)]);
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.CallControl.Release(call, new IsupCause(16));

        Assert.False(harness.TrySeize(out _));
        harness.ReceiveCall(IsupMessageType.IAM, 1); // nor by the peer: dropped while our REL is outstanding
        Assert.Empty(harness.Calls.Take());

        harness.Receive(IsupMessageType.RLC, 1);
        Assert.Equal(1, harness.SeizeOutgoing().Cic);
    }

    [Fact]
    public void REL_is_repeated_every_T1_until_RLC()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.CallControl.Release(call, new IsupCause(31));
        harness.Forget();

        harness.Advance(harness.Timers.T1 - TimeSpan.FromMilliseconds(1));
        Assert.Empty(harness.Signals.Take());
        harness.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["REL cic=2 cause=31"], harness.Signals.TakeText());
        harness.Advance(harness.Timers.T1);
        Assert.Equal(["REL cic=2 cause=31"], harness.Signals.TakeText());

        harness.Receive(IsupMessageType.RLC, 2);
        harness.AssertQuiescent();
    }

    [Fact]
    public void T5_expiry_resets_the_circuit_with_RSC_on_T17_alone_and_alerts_maintenance()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.CallControl.Release(call, new IsupCause(16));
        harness.Forget();

        harness.Advance(harness.Timers.T5);

        List<string> sent = harness.Signals.TakeText();
        Assert.Equal("RSC cic=2", sent[^1]);
        Assert.All(sent[..^1], text => Assert.Equal("REL cic=2 cause=16", text));
        Assert.Equal((int)(harness.Timers.T5 / harness.Timers.T1), sent.Count - 1);
        IsupMaintenanceEvent overdue = Assert.Single(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.ReleaseCompleteOverdue);
        Assert.Equal(IsupEventSeverity.Alarm, overdue.Severity);
        Assert.Equal(IsupTimer.T5, overdue.Timer);
        Assert.Equal(CircuitState.ResetSent, harness.Status(2).State);
        Assert.False(harness.Status(2).IsOfferable);

        // After T5 the RSC runs on T17 only: no T16 repeats, no more REL.
        harness.Advance(harness.Timers.T17 - TimeSpan.FromSeconds(1));
        Assert.Empty(harness.Signals.Take());
        harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["RSC cic=2"], harness.Signals.TakeText());
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.AcknowledgementOverdue && e.Timer == IsupTimer.T17);

        harness.Receive(IsupMessageType.RLC, 2);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.ResetCompleted && e.Cic == 2);
        harness.AssertQuiescent();
    }

    [Fact]
    public void RLC_for_a_call_we_did_not_release_releases_it_with_cause_31()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.ReceiveCall(IsupMessageType.ANM, 2);
        harness.Forget();

        harness.Receive(IsupMessageType.RLC, 2);

        Assert.Equal(["REL cic=2 cause=31"], harness.Signals.TakeText());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Failed, failed.Kind);
        Assert.Equal(IsupCallEndReason.UnexpectedReleaseComplete, failed.Event.Reason);
        Assert.Equal(31, failed.Event.Cause.Value);
        harness.Receive(IsupMessageType.RLC, 2);
        harness.AssertQuiescent();
    }

    [Fact]
    public void An_incoming_call_released_by_call_control_before_answer()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);

        Assert.True(harness.CallControl.Release(call, new IsupCause(17)));
        Assert.False(harness.CallControl.Release(call, new IsupCause(17)));

        Assert.Equal(["REL cic=3 cause=17"], harness.Signals.TakeText());
        Assert.True(call.IsEnded);
        harness.Receive(IsupMessageType.RLC, 3);
        harness.AssertQuiescent();
        Assert.Empty(harness.Calls.Take());
    }
}
