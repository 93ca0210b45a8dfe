using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>Blocking and unblocking (Q.764 §2.8), per circuit and per group, both ends, with the T12–T21 repeats.</summary>
public sealed class BlockingTests
{
    [Fact]
    public void BLO_is_repeated_every_T12_until_BLA_and_the_circuit_is_no_longer_offered()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 2)], preferControlled: false);
        harness.BringUp();

        Assert.True(harness.Exchange.Block(harness.Dpc, 1));
        Assert.False(harness.Exchange.Block(harness.Dpc, 1));
        Assert.Equal(["BLO cic=1"], harness.Signals.TakeText());
        Assert.False(harness.Status(1).IsOfferable); // not offered from the start, before BLA

        harness.Advance(harness.Timers.T12);
        Assert.Equal(["BLO cic=1"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.BLA, 1);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.BlockingAcknowledged);
        harness.AssertQuiescent((1, CircuitBlocking.LocalMaintenance));
        Assert.Equal(2, harness.SeizeOutgoing().Cic);
        Assert.False(harness.TrySeize(out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Without_acknowledgement_BLO_or_UBL_alerts_maintenance_at_T13_or_T15_then_repeats_every_long_timer(bool blocking)
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        if (!blocking)
        {
            harness.Exchange.Block(harness.Dpc, 3);
            harness.Receive(IsupMessageType.BLA, 3);
        }

        harness.Forget();
        Assert.True(blocking ? harness.Exchange.Block(harness.Dpc, 3) : harness.Exchange.Unblock(harness.Dpc, 3));
        string message = blocking ? "BLO cic=3" : "UBL cic=3";
        TimeSpan shortTimer = blocking ? harness.Timers.T12 : harness.Timers.T14;
        TimeSpan longTimer = blocking ? harness.Timers.T13 : harness.Timers.T15;
        Assert.Equal([message], harness.Signals.TakeText());
        harness.Maintenance.Take();

        harness.Advance(longTimer);
        List<string> sent = harness.Signals.TakeText();
        Assert.All(sent, text => Assert.Equal(message, text));
        Assert.True(sent.Count >= (int)(longTimer / shortTimer));
        IsupMaintenanceEvent alarm = Assert.Single(harness.Maintenance.Take());
        Assert.Equal((IsupMaintenanceEventKind.AcknowledgementOverdue, blocking ? IsupTimer.T13 : IsupTimer.T15), (alarm.Kind, alarm.Timer));

        harness.Advance(longTimer - TimeSpan.FromSeconds(1));
        Assert.Empty(harness.Signals.Take());
        harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([message], harness.Signals.TakeText());

        harness.Receive(blocking ? IsupMessageType.BLA : IsupMessageType.UBA, 3);
        harness.AssertQuiescent(blocking ? [(3, CircuitBlocking.LocalMaintenance)] : []);
    }

    [Fact]
    public void UBL_is_repeated_every_T14_until_UBA_and_the_circuit_is_offered_again()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(2, 2)]);
        harness.BringUp();
        harness.Exchange.Block(harness.Dpc, 2);
        harness.Receive(IsupMessageType.BLA, 2);
        harness.Forget();

        Assert.True(harness.Exchange.Unblock(harness.Dpc, 2));
        Assert.False(harness.Exchange.Unblock(harness.Dpc, 2));
        Assert.Equal(["UBL cic=2"], harness.Signals.TakeText());
        harness.Advance(harness.Timers.T14);
        Assert.Equal(["UBL cic=2"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.UBA, 2);
        harness.AssertQuiescent();
        Assert.Equal(2, harness.SeizeOutgoing().Cic);
    }

    [Fact]
    public void BLO_from_the_peer_on_a_busy_circuit_lets_the_call_finish_and_then_keeps_the_circuit_blocked()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(2, 2)]);
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.Forget();

        harness.Receive(IsupMessageType.BLO, 2);

        Assert.Equal(["BLA cic=2"], harness.Signals.TakeText());
        Assert.Empty(harness.Calls.Take());
        harness.ReceiveCall(IsupMessageType.ANM, 2);
        Assert.Equal(IsupCallEventKind.Answered, Assert.Single(harness.Calls.Take()).Kind);
        harness.ReceiveRelease(2);
        Assert.Equal(IsupCallEventKind.Released, Assert.Single(harness.Calls.Take()).Kind);

        harness.AssertQuiescent((2, CircuitBlocking.RemoteMaintenance));
        Assert.False(harness.TrySeize(out _));
        harness.Receive(IsupMessageType.UBL, 2);
        Assert.Equal(["RLC cic=2", "UBA cic=2"], harness.Signals.TakeText());
        Assert.NotNull(harness.SeizeOutgoing());
    }

    [Fact]
    public void BLO_on_our_call_before_any_backward_message_moves_it_and_releases_the_circuit()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.Forget();

        harness.Receive(IsupMessageType.BLO, 2);

        Assert.Equal(["BLA cic=2", "REL cic=2 cause=41", "IAM cic=4"], harness.Signals.TakeText());
        ReceivedCallEvent moved = Assert.Single(harness.Calls.Take());
        Assert.Equal((IsupCallEventKind.Reattempted, IsupCallEndReason.CircuitBlocked, 2), (moved.Kind, moved.Event.Reason, moved.Event.PreviousCic));
        Assert.Equal(4, call.Cic);
        harness.Receive(IsupMessageType.RLC, 2);
        Assert.Equal(CircuitState.Idle, harness.Status(2).State);
        Assert.Equal(CircuitBlocking.RemoteMaintenance, harness.Status(2).Blocking);
    }

    [Fact]
    public void Our_blocking_of_a_busy_circuit_lets_its_call_finish()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);
        harness.CallControl.SendCon(call, "CON");
        harness.Forget();

        Assert.True(harness.Exchange.Block(harness.Dpc, 3));
        harness.Receive(IsupMessageType.BLA, 3);
        Assert.Equal(["BLO cic=3"], harness.Signals.TakeText());
        Assert.False(call.IsEnded);
        harness.ReceiveCall(IsupMessageType.USR, 3);
        Assert.Equal(IsupCallEventKind.UserToUser, Assert.Single(harness.Calls.Take()).Kind);

        harness.CallControl.Release(call, new IsupCause(16));
        harness.Receive(IsupMessageType.RLC, 3);
        harness.AssertQuiescent((3, CircuitBlocking.LocalMaintenance));
    }

    [Fact]
    public void An_IAM_on_a_circuit_the_peer_blocked_unblocks_it_and_is_accepted()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Receive(IsupMessageType.BLO, 3);
        harness.Forget();

        IsupCall call = harness.OfferIncoming(3);

        Assert.Equal(CircuitBlocking.None, harness.Status(3).Blocking);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.RemotelyUnblocked);
        Assert.Equal(IsupCallDirection.Incoming, call.Direction);
    }

    [Fact]
    public void An_IAM_on_a_circuit_we_blocked_is_dropped_and_the_blocking_sent_again()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Exchange.Block(harness.Dpc, 3);
        harness.Receive(IsupMessageType.BLA, 3);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.IAM, 3);

        Assert.Empty(harness.Calls.Take());
        Assert.Equal(["BLO cic=3"], harness.Signals.TakeText());
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.IamDiscarded && e.Action == IsupMaintenanceAction.Block);
    }

    [Fact]
    public void A_BLA_we_did_not_ask_for_is_answered_with_UBL_and_a_stray_UBA_with_BLO()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Receive(IsupMessageType.BLA, 3);
        Assert.Equal(["UBL cic=3"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.UBA, 3);

        harness.Exchange.Block(harness.Dpc, 5);
        harness.Receive(IsupMessageType.BLA, 5);
        harness.Signals.Take();
        harness.Receive(IsupMessageType.UBA, 5);
        Assert.Equal(["BLO cic=5"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.BLA, 5);

        harness.Receive(IsupMessageType.UBA, 7); // not blocked by us, nothing outstanding: dropped
        Assert.Empty(harness.Signals.Take());
        harness.AssertQuiescent((5, CircuitBlocking.LocalMaintenance));
    }

    [Fact]
    public void Unblocking_before_the_BLA_stops_the_blocking_procedure()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Exchange.Block(harness.Dpc, 3);
        harness.Exchange.Unblock(harness.Dpc, 3);
        Assert.Equal(["BLO cic=3", "UBL cic=3"], harness.Signals.TakeText());

        harness.Receive(IsupMessageType.BLA, 3); // the late BLA to our BLO: dropped, UBL still outstanding
        Assert.Empty(harness.Signals.Take());
        harness.Receive(IsupMessageType.UBA, 3);
        harness.AssertQuiescent();
    }

    [Fact]
    public void A_maintenance_CGB_from_the_peer_blocks_the_circuits_whose_bits_are_set_and_calls_go_on()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);
        harness.Forget();

        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGB, 2, CircuitGroupSupervisionType.MaintenanceOriented, 3, CircuitStatusBits.None.With(0).With(1).With(3)));

        Assert.Equal(["CGBA cic=2 type=MaintenanceOriented range=3 status=1101"], harness.Signals.TakeText());
        Assert.False(call.IsEnded);
        Assert.Equal(CircuitBlocking.RemoteMaintenance, harness.Status(2).Blocking);
        Assert.Equal(CircuitBlocking.RemoteMaintenance, harness.Status(3).Blocking);
        Assert.Equal(CircuitBlocking.None, harness.Status(4).Blocking);
        Assert.Equal(CircuitBlocking.RemoteMaintenance, harness.Status(5).Blocking);

        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGU, 2, CircuitGroupSupervisionType.MaintenanceOriented, 3, CircuitStatusBits.None.With(0).With(1).With(3)));
        Assert.Equal(["CGUA cic=2 type=MaintenanceOriented range=3 status=1101"], harness.Signals.TakeText());
        Assert.Equal(CircuitBlocking.None, harness.Status(3).Blocking);
    }

    [Fact]
    public void A_hardware_CGB_from_the_peer_clears_calls_without_REL()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall incoming = harness.OfferIncoming(3);
        harness.CallControl.SendCon(incoming, "CON");
        IsupCall outgoing = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, outgoing.Cic);
        harness.Forget();

        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGB, 1, CircuitGroupSupervisionType.HardwareFailureOriented, 3, CircuitStatusBits.FirstCircuits(4)));

        Assert.Equal(["CGBA cic=1 type=HardwareFailureOriented range=3 status=1111"], harness.Signals.TakeText());
        var failed = harness.Calls.Take();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, e => Assert.Equal((IsupCallEventKind.Failed, IsupCallEndReason.HardwareBlocked), (e.Kind, e.Event.Reason)));
        harness.AssertQuiescent((1, CircuitBlocking.RemoteHardware), (2, CircuitBlocking.RemoteHardware), (3, CircuitBlocking.RemoteHardware), (4, CircuitBlocking.RemoteHardware));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void A_CGB_with_no_bit_or_more_than_32_bits_set_is_discarded(int bits)
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 40)]);
        harness.BringUp();

        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGB, 1, CircuitGroupSupervisionType.MaintenanceOriented, 39, CircuitStatusBits.FirstCircuits(bits)));

        Assert.Empty(harness.Signals.Take());
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.GroupMessageDiscarded);
    }

    [Fact]
    public void Our_CGB_and_CGU_are_repeated_every_T18_and_T20_until_acknowledged()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        Assert.True(harness.Exchange.BlockGroup(harness.Dpc, 1, 4, CircuitGroupSupervisionType.MaintenanceOriented));
        Assert.False(harness.Exchange.BlockGroup(harness.Dpc, 1, 4, CircuitGroupSupervisionType.MaintenanceOriented));
        Assert.Equal(["CGB cic=1 type=MaintenanceOriented range=3 status=1111"], harness.Signals.TakeText());
        harness.Advance(harness.Timers.T18);
        Assert.Equal(["CGB cic=1 type=MaintenanceOriented range=3 status=1111"], harness.Signals.TakeText());
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.MaintenanceOriented, 3, CircuitStatusBits.FirstCircuits(4)));
        harness.AssertQuiescent((1, CircuitBlocking.LocalMaintenance), (2, CircuitBlocking.LocalMaintenance), (3, CircuitBlocking.LocalMaintenance), (4, CircuitBlocking.LocalMaintenance));
        Assert.False(harness.Status(2).IsOfferable);

        Assert.True(harness.Exchange.UnblockGroup(harness.Dpc, 1, 4, CircuitGroupSupervisionType.MaintenanceOriented));
        Assert.Equal(["CGU cic=1 type=MaintenanceOriented range=3 status=1111"], harness.Signals.TakeText());
        harness.Advance(harness.Timers.T20);
        Assert.Equal(["CGU cic=1 type=MaintenanceOriented range=3 status=1111"], harness.Signals.TakeText());
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGUA, 1, CircuitGroupSupervisionType.MaintenanceOriented, 3, CircuitStatusBits.FirstCircuits(4)));
        Assert.All(harness.Exchange.GetCircuitStatuses(harness.Dpc), status => Assert.Equal(CircuitBlocking.None, status.Blocking));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Without_acknowledgement_CGB_or_CGU_alerts_maintenance_at_T19_or_T21(bool blocking)
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        if (!blocking)
        {
            harness.Exchange.BlockGroup(harness.Dpc, 1, 2, CircuitGroupSupervisionType.MaintenanceOriented);
            harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.MaintenanceOriented, 1, CircuitStatusBits.FirstCircuits(2)));
        }

        harness.Forget();
        if (blocking)
        {
            harness.Exchange.BlockGroup(harness.Dpc, 1, 2, CircuitGroupSupervisionType.MaintenanceOriented);
        }
        else
        {
            harness.Exchange.UnblockGroup(harness.Dpc, 1, 2, CircuitGroupSupervisionType.MaintenanceOriented);
        }

        harness.Maintenance.Take();
        harness.Advance(blocking ? harness.Timers.T19 : harness.Timers.T21);

        IsupMaintenanceEvent alarm = Assert.Single(harness.Maintenance.Take());
        Assert.Equal((IsupMaintenanceEventKind.AcknowledgementOverdue, blocking ? IsupTimer.T19 : IsupTimer.T21), (alarm.Kind, alarm.Timer));
        Assert.Equal(2, alarm.Count);
    }

    [Fact]
    public void Our_hardware_CGB_clears_the_calls_on_its_circuits_without_REL()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.Forget();

        Assert.True(harness.Exchange.BlockGroup(harness.Dpc, 1, 2, CircuitGroupSupervisionType.HardwareFailureOriented));

        Assert.Equal(["CGB cic=1 type=HardwareFailureOriented range=1 status=11"], harness.Signals.TakeText());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal((IsupCallEventKind.Failed, IsupCallEndReason.HardwareBlocked), (failed.Kind, failed.Event.Reason));
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.HardwareFailureOriented, 1, CircuitStatusBits.FirstCircuits(2)));
        harness.AssertQuiescent((1, CircuitBlocking.LocalHardware), (2, CircuitBlocking.LocalHardware));
    }

    [Fact]
    public void An_acknowledgement_that_answers_nothing_or_differs_is_reported()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.MaintenanceOriented, 1, CircuitStatusBits.FirstCircuits(2)));
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.UnexpectedAcknowledgement && e.Action == IsupMaintenanceAction.Discard);

        harness.Exchange.BlockGroup(harness.Dpc, 1, 2, CircuitGroupSupervisionType.MaintenanceOriented);
        harness.Maintenance.Take();
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.MaintenanceOriented, 1, CircuitStatusBits.None.With(0)));
        var events = harness.Maintenance.Take();
        Assert.Contains(events, e => e.Kind == IsupMaintenanceEventKind.BlockingAcknowledged);
        Assert.Contains(events, e => e.Kind == IsupMaintenanceEventKind.UnexpectedAcknowledgement);
        Assert.Equal(0, harness.Time.ActiveTimers);
    }

    [Fact]
    public void One_CGB_may_block_at_most_32_circuits()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 40)]);
        harness.BringUp();

        Assert.Throws<ArgumentException>(() => harness.Exchange.BlockGroup(harness.Dpc, 1, 40, CircuitGroupSupervisionType.MaintenanceOriented));
        Assert.True(harness.Exchange.BlockGroup(harness.Dpc, 1, 32, CircuitGroupSupervisionType.MaintenanceOriented));
    }
}
