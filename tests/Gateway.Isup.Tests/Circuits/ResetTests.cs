using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>Circuit and group reset during operation (Q.764 §2.9.3), from either end.</summary>
public sealed class ResetTests
{
    [Fact]
    public void RSC_during_an_answered_call_clears_it_and_is_answered_with_RLC()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);
        harness.CallControl.SendCon(call, "CON");
        harness.Forget();

        harness.Receive(IsupMessageType.RSC, 3);

        Assert.Equal(["RLC cic=3"], harness.Signals.TakeText());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Failed, failed.Kind);
        Assert.Equal(IsupCallEndReason.CircuitReset, failed.Event.Reason);
        Assert.Equal(IsupCauses.TemporaryFailure, failed.Event.Cause.Value);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.ResetReceived && e.State == CircuitState.IncomingAnswered);
        harness.AssertQuiescent();
    }

    [Fact]
    public void RSC_on_an_outgoing_call_in_set_up_moves_the_call_to_another_circuit()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.Forget();

        harness.Receive(IsupMessageType.RSC, 2);

        Assert.Equal(["RLC cic=2", "IAM cic=4"], harness.Signals.TakeText());
        ReceivedCallEvent moved = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Reattempted, moved.Kind);
        Assert.Equal(IsupCallEndReason.CircuitReset, moved.Event.Reason);
        Assert.Equal(4, call.Cic);
    }

    [Fact]
    public void RSC_while_our_REL_waits_for_RLC_completes_the_release()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.CallControl.Release(call, new IsupCause(16));
        harness.Forget();

        harness.Receive(IsupMessageType.RSC, 2);

        Assert.Equal(["RLC cic=2"], harness.Signals.TakeText());
        harness.AssertQuiescent();
    }

    [Fact]
    public void A_maintenance_reset_of_a_busy_circuit_fails_its_call_and_repeats_RSC_every_T16()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);
        harness.CallControl.SendAcm(call, "ACM");
        harness.Forget();

        Assert.True(harness.Exchange.Reset(harness.Dpc, 3));
        Assert.False(harness.Exchange.Reset(harness.Dpc, 3)); // already resetting

        Assert.Equal(["RSC cic=3"], harness.Signals.TakeText());
        Assert.Equal(IsupCallEndReason.CircuitReset, Assert.Single(harness.Calls.Take()).Event.Reason);
        harness.Advance(harness.Timers.T16);
        Assert.Equal(["RSC cic=3"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.RLC, 3);
        harness.AssertQuiescent();
    }

    [Fact]
    public void Crossing_RSCs_are_each_answered_and_ours_still_waits_for_its_RLC()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Exchange.Reset(harness.Dpc, 5);
        harness.Forget();

        harness.Receive(IsupMessageType.RSC, 5);
        Assert.Equal(["RLC cic=5"], harness.Signals.TakeText());
        Assert.Equal(CircuitState.ResetSent, harness.Status(5).State);

        harness.Receive(IsupMessageType.RLC, 5);
        harness.AssertQuiescent();
    }

    [Fact]
    public void Our_GRS_over_busy_circuits_fails_their_calls_and_offers_them_again_after_GRA()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall answered = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, answered.Cic);
        harness.ReceiveCall(IsupMessageType.ANM, answered.Cic);
        IsupCall incoming = harness.OfferIncoming(3);
        harness.Forget();

        Assert.True(harness.Exchange.ResetGroup(harness.Dpc, 1, 8));

        Assert.Equal(["GRS cic=1 range=7"], harness.Signals.TakeText());
        var failed = harness.Calls.Take();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, e => Assert.Equal((IsupCallEventKind.Failed, IsupCallEndReason.CircuitReset), (e.Kind, e.Event.Reason)));
        Assert.True(answered.IsEnded && incoming.IsEnded);
        Assert.False(harness.TrySeize(out _));

        harness.Receive(IsupSignal.GroupResetAcknowledgement(1, 7, CircuitStatusBits.None));
        harness.AssertQuiescent();
    }

    [Fact]
    public void The_peers_GRS_over_busy_circuits_clears_their_calls_and_is_answered_with_GRA()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall answered = harness.OfferIncoming(3);
        harness.CallControl.SendCon(answered, "CON");
        IsupCall releasing = harness.OfferIncoming(5);
        harness.CallControl.Release(releasing, new IsupCause(16));
        harness.Forget();

        harness.Receive(IsupSignal.GroupReset(1, 7));

        Assert.Equal(["GRA cic=1 range=7 status=none"], harness.Signals.TakeText());
        Assert.Equal(IsupCallEndReason.CircuitReset, Assert.Single(harness.Calls.Take()).Event.Reason);
        harness.AssertQuiescent();
    }

    [Fact]
    public void The_GRA_reports_our_maintenance_blocking_and_hardware_blocking_is_sent_with_CGB_before_it()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Exchange.Block(harness.Dpc, 3);
        harness.Receive(IsupMessageType.BLA, 3);
        harness.Exchange.BlockGroup(harness.Dpc, 5, 2, CircuitGroupSupervisionType.HardwareFailureOriented);
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 5, CircuitGroupSupervisionType.HardwareFailureOriented, 1, CircuitStatusBits.FirstCircuits(2)));
        harness.Receive(IsupMessageType.BLO, 7); // the peer's blocking is forgotten by the reset
        harness.Forget();

        harness.Receive(IsupSignal.GroupReset(1, 7));

        Assert.Equal(
            ["CGB cic=1 type=HardwareFailureOriented range=7 status=000011", "GRA cic=1 range=7 status=001"],
            harness.Signals.TakeText());
        Assert.Equal(CircuitBlocking.None, harness.Status(7).Blocking);
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.HardwareFailureOriented, 7, CircuitStatusBits.None.With(4).With(5)));
        harness.AssertQuiescent((3, CircuitBlocking.LocalMaintenance), (5, CircuitBlocking.LocalHardware), (6, CircuitBlocking.LocalHardware));
    }

    [Fact]
    public void A_GRS_whose_range_holds_an_unequipped_CIC_is_discarded_whole()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(8);

        harness.Receive(IsupSignal.GroupReset(7, 2)); // CICs 7, 8, 9: we have no 9

        Assert.Empty(harness.Signals.Take());
        Assert.False(call.IsEnded);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.GroupMessageDiscarded && e.MessageType == IsupMessageType.GRS);
    }

    [Fact]
    public void A_GRS_with_the_reserved_range_0_is_taken_as_one_circuit()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Receive(IsupSignal.GroupReset(4, 0));

        Assert.Equal(["GRA cic=4 range=0 status=none"], harness.Signals.TakeText());
    }

    [Fact]
    public void RSC_on_a_circuit_we_hold_blocked_is_answered_with_RLC_then_BLO()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Exchange.Block(harness.Dpc, 3);
        harness.Receive(IsupMessageType.BLA, 3);
        harness.Forget();

        harness.Receive(IsupMessageType.RSC, 3);

        Assert.Equal(["RLC cic=3", "BLO cic=3"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.BLA, 3);
        harness.AssertQuiescent((3, CircuitBlocking.LocalMaintenance));
    }

    [Fact]
    public void A_message_for_a_circuit_being_reset_is_dropped_but_REL_is_still_answered()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Exchange.Reset(harness.Dpc, 3);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.ANM, 3);
        Assert.Empty(harness.Signals.Take());
        harness.ReceiveRelease(3);
        Assert.Equal(["RLC cic=3"], harness.Signals.TakeText());
        Assert.Equal(CircuitState.ResetSent, harness.Status(3).State);
    }
}
