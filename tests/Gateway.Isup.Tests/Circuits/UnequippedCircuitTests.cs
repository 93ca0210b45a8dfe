using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>Unequipped circuits (Q.764 §2.12): UCIC from the peer, and messages for CICs we do not have.</summary>
public sealed class UnequippedCircuitTests
{
    [Fact]
    public void UCIC_to_our_IAM_moves_the_call_raises_an_alarm_and_takes_the_circuit_out_of_use()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.Forget();

        harness.Receive(IsupMessageType.UCIC, 2);

        Assert.Equal(["IAM cic=4"], harness.Signals.TakeText());
        ReceivedCallEvent moved = Assert.Single(harness.Calls.Take());
        Assert.Equal((IsupCallEventKind.Reattempted, IsupCallEndReason.UnequippedCircuit), (moved.Kind, moved.Event.Reason));
        IsupMaintenanceEvent alarm = Assert.Single(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.FarEndUnequipped);
        Assert.Equal(IsupEventSeverity.Alarm, alarm.Severity);
        CircuitStatus status = harness.Status(2);
        Assert.True(status.FarEndUnequipped);
        Assert.Equal(CircuitState.Idle, status.State);
        Assert.False(status.IsOfferable);
    }

    [Fact]
    public void After_a_route_outage_a_far_end_unequipped_circuit_is_reset_alone_and_used_again_once_it_answers()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.SeizeOutgoing();
        harness.Receive(IsupMessageType.UCIC, 2);
        harness.Exchange.RouteUnavailable(harness.Dpc);
        harness.Forget();

        harness.Exchange.RouteAvailable(harness.Dpc);

        // A GRS including CIC 2 would be discarded whole by a peer that lacks it.
        List<SentSignal> sent = harness.Signals.Take();
        Assert.Equal(["RSC cic=1", "RSC cic=2", "GRS cic=3 range=5"], sent.ConvertAll(s => s.Signal.ToString()));
        harness.AcknowledgeResets(sent);
        harness.AssertQuiescent();
        Assert.True(harness.Status(2).IsOfferable);
    }

    [Fact]
    public void A_message_for_a_CIC_we_lack_is_dropped_by_default()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.ReceiveCall(IsupMessageType.IAM, 99);

        Assert.Empty(harness.Signals.Take());
        Assert.Empty(harness.Calls.Take());
        IsupMaintenanceEvent reported = Assert.Single(harness.Maintenance.Take());
        Assert.Equal((IsupMaintenanceEventKind.UnequippedCic, 99, IsupMaintenanceAction.Discard), (reported.Kind, reported.Cic, reported.Action));
    }

    [Fact]
    public void With_the_national_option_a_message_for_a_CIC_we_lack_is_answered_with_UCIC_but_never_UCIC_itself()
    {
        using var harness = new ExchangeHarness(configure: o => o with { UnequippedCic = UnequippedCicPolicy.SendUcic });
        harness.BringUp();

        harness.ReceiveRelease(99);
        Assert.Equal(["UCIC cic=99"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.UCIC, 99);
        Assert.Empty(harness.Signals.Take());
    }
}
