using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>The reset when the route comes up (Q.764 §2.9.3; digest §2.3): GRS per run of at most 32, RSC for lone circuits, nothing offered before the acknowledgement.</summary>
public sealed class StartupResetTests
{
    [Fact]
    public void Nothing_is_offered_before_the_route_is_available()
    {
        using var harness = new ExchangeHarness();

        Assert.False(harness.TrySeize(out _));
        Assert.False(harness.Exchange.IsOffering(harness.Dpc));
        Assert.All(harness.Exchange.GetCircuitStatuses(harness.Dpc), status => Assert.Equal(CircuitState.Unavailable, status.State));
        Assert.Empty(harness.Signals.Take());
        Assert.Equal(0, harness.Time.ActiveTimers);
    }

    [Fact]
    public void The_route_coming_up_resets_runs_of_at_most_32_circuits_with_GRS_and_lone_circuits_with_RSC()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 40), new CircuitCodeRange(50, 50), new CircuitCodeRange(60, 61)]);

        harness.Exchange.RouteAvailable(harness.Dpc);

        Assert.Equal(["GRS cic=1 range=31", "GRS cic=33 range=7", "RSC cic=50", "GRS cic=60 range=1"], harness.Signals.TakeText());
        Assert.Equal(CircuitState.GroupResetSent, harness.Status(1).State);
        Assert.Equal(CircuitState.ResetSent, harness.Status(50).State);
    }

    [Fact]
    public void No_circuit_is_offered_before_its_GRA_and_an_IAM_meanwhile_is_dropped()
    {
        using var harness = new ExchangeHarness();
        harness.Exchange.RouteAvailable(harness.Dpc);
        var grs = Assert.Single(harness.Signals.Take());

        Assert.False(harness.TrySeize(out _));
        harness.ReceiveCall(IsupMessageType.IAM, 3);
        Assert.Empty(harness.Calls.Take());
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.UnexpectedMessage && e.Cic == 3 && e.Action == IsupMaintenanceAction.Discard);

        harness.AcknowledgeResets([grs]);
        Assert.True(harness.Exchange.IsOffering(harness.Dpc));
        harness.AssertQuiescent();
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.ResetCompleted && e.Count == 8);
        Assert.NotNull(harness.SeizeOutgoing());
    }

    [Fact]
    public void GRS_is_repeated_every_T22_until_T23_then_every_T23_with_an_alarm()
    {
        using var harness = new ExchangeHarness();
        harness.Exchange.RouteAvailable(harness.Dpc);
        harness.Forget();

        harness.Advance(harness.Timers.T22);
        Assert.Equal(["GRS cic=1 range=7"], harness.Signals.TakeText());
        Assert.Empty(harness.Maintenance.Take());

        harness.Advance(harness.Timers.T23 - harness.Timers.T22);
        Assert.All(harness.Signals.TakeText(), text => Assert.Equal("GRS cic=1 range=7", text));
        var alarm = Assert.Single(harness.Maintenance.Take());
        Assert.Equal(IsupMaintenanceEventKind.AcknowledgementOverdue, alarm.Kind);
        Assert.Equal(IsupTimer.T23, alarm.Timer);
        Assert.Equal(IsupEventSeverity.Alarm, alarm.Severity);

        harness.Advance(harness.Timers.T23 - TimeSpan.FromSeconds(1));
        Assert.Empty(harness.Signals.Take()); // T22 no longer runs
        harness.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["GRS cic=1 range=7"], harness.Signals.TakeText());
        Assert.Equal(IsupTimer.T23, Assert.Single(harness.Maintenance.Take()).Timer);

        harness.Receive(IsupSignal.GroupResetAcknowledgement(1, 7, CircuitStatusBits.None));
        harness.AssertQuiescent();
    }

    [Fact]
    public void A_lone_circuit_is_reset_with_RSC_repeated_every_T16_and_alarmed_at_T17()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(7, 7)]);
        harness.Exchange.RouteAvailable(harness.Dpc);
        Assert.Equal(["RSC cic=7"], harness.Signals.TakeText());

        harness.Advance(harness.Timers.T16);
        Assert.Equal(["RSC cic=7"], harness.Signals.TakeText());
        harness.Advance(harness.Timers.T17 - harness.Timers.T16);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.AcknowledgementOverdue && e.Timer == IsupTimer.T17 && e.Cic == 7);

        harness.Receive(IsupMessageType.RLC, 7);
        harness.AssertQuiescent();
    }

    [Fact]
    public void GRA_status_bits_mark_the_circuits_the_peer_holds_blocked_and_they_are_not_offered()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 4)]);
        harness.Exchange.RouteAvailable(harness.Dpc);
        harness.Signals.Take();

        // The peer holds CICs 2 and 4 blocked for maintenance (we control the even ones, which we would take first).
        harness.Receive(IsupSignal.GroupResetAcknowledgement(1, 3, CircuitStatusBits.None.With(1).With(3)));

        Assert.Equal(CircuitBlocking.RemoteMaintenance, harness.Status(2).Blocking);
        Assert.Equal(CircuitBlocking.RemoteMaintenance, harness.Status(4).Blocking);
        Assert.Equal(1, harness.SeizeOutgoing().Cic);
        Assert.Equal(3, harness.SeizeOutgoing().Cic);
        Assert.False(harness.TrySeize(out _));
    }

    [Fact]
    public void Our_local_blocking_is_sent_again_once_the_reset_completes()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 8)]);
        Assert.True(harness.Exchange.Block(harness.Dpc, 3));     // before the route is up: nothing can be sent yet
        Assert.True(harness.Exchange.Block(harness.Dpc, 4));
        Assert.True(harness.Exchange.BlockGroup(harness.Dpc, 7, 2, CircuitGroupSupervisionType.HardwareFailureOriented));
        Assert.Empty(harness.Signals.Take());

        harness.Exchange.RouteAvailable(harness.Dpc);
        Assert.Equal(["GRS cic=1 range=7"], harness.Signals.TakeText());
        harness.Receive(IsupSignal.GroupResetAcknowledgement(1, 7, CircuitStatusBits.None));

        Assert.Equal(
            ["CGB cic=1 type=MaintenanceOriented range=7 status=0011", "CGB cic=1 type=HardwareFailureOriented range=7 status=00000011"],
            harness.Signals.TakeText());
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.MaintenanceOriented, 7, CircuitStatusBits.None.With(2).With(3)));
        harness.Receive(IsupSignal.GroupSupervision(IsupMessageType.CGBA, 1, CircuitGroupSupervisionType.HardwareFailureOriented, 7, CircuitStatusBits.None.With(6).With(7)));
        harness.AssertQuiescent(
            (3, CircuitBlocking.LocalMaintenance), (4, CircuitBlocking.LocalMaintenance), (7, CircuitBlocking.LocalHardware), (8, CircuitBlocking.LocalHardware));
    }

    [Fact]
    public void Losing_the_route_clears_calls_locally_and_its_return_resets_every_circuit_again()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall outgoing = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, outgoing.Cic);
        IsupCall incoming = harness.OfferIncoming(5);
        IsupCall releasing = harness.SeizeOutgoing();
        harness.CallControl.Release(releasing, new IsupCause(16));
        harness.Forget();

        harness.Exchange.RouteUnavailable(harness.Dpc);

        Assert.Empty(harness.Signals.Take());
        var failed = harness.Calls.Take();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, e =>
        {
            Assert.Equal(IsupCallEventKind.Failed, e.Kind);
            Assert.Equal(IsupCallEndReason.RouteUnavailable, e.Event.Reason);
        });
        Assert.True(outgoing.IsEnded);
        Assert.True(incoming.IsEnded);
        Assert.Equal(0, harness.Time.ActiveTimers);
        Assert.All(harness.Exchange.GetCircuitStatuses(harness.Dpc), status => Assert.Equal(CircuitState.Unavailable, status.State));

        harness.Exchange.RouteAvailable(harness.Dpc);
        Assert.Equal(["GRS cic=1 range=7"], harness.Signals.TakeText());
    }

    [Fact]
    public void Answered_calls_held_through_an_outage_survive_it_and_the_resets_go_around_them()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall outgoing = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, outgoing.Cic);
        harness.ReceiveCall(IsupMessageType.ANM, outgoing.Cic);
        IsupCall incoming = harness.OfferIncoming(5);
        Assert.True(harness.CallControl.SendAcm(incoming, "ACM"));
        Assert.True(harness.CallControl.SendAnm(incoming, "ANM"));
        IsupCall setup = harness.SeizeOutgoing();
        harness.Forget();

        harness.Exchange.RouteUnavailable(harness.Dpc, holdAnsweredCalls: true);

        var failed = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEndReason.RouteUnavailable, failed.Event.Reason);
        Assert.True(setup.IsEnded);
        Assert.False(outgoing.IsEnded);
        Assert.False(incoming.IsEnded);
        Assert.False(harness.Exchange.IsOffering(harness.Dpc));

        harness.Exchange.RouteAvailable(harness.Dpc);

        // CICs 1-8, answered calls on two of them: the others are reset in runs around those two.
        var sent = harness.Signals.Take();
        harness.AcknowledgeResets(sent);
        var resets = sent.ConvertAll(signal => signal.Signal.ToString());
        Assert.DoesNotContain(resets, text => text.Contains($"cic={outgoing.Cic} ") || text == $"RSC cic={outgoing.Cic}");
        Assert.Equal(CircuitState.OutgoingAnswered, harness.Status(outgoing.Cic).State);
        Assert.Equal(CircuitState.IncomingAnswered, harness.Status(5).State);
        Assert.Equal(6, CountResetCircuits(resets));
    }

    [Fact]
    public void Held_calls_end_when_the_hold_time_is_over_and_the_return_then_resets_every_circuit()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall outgoing = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, outgoing.Cic);
        harness.ReceiveCall(IsupMessageType.ANM, outgoing.Cic);
        harness.Forget();
        Assert.Equal(0, harness.Exchange.ReleaseHeldCalls(harness.Dpc));

        harness.Exchange.RouteUnavailable(harness.Dpc, holdAnsweredCalls: true);
        Assert.Empty(harness.Calls.Take());
        Assert.Equal(1, harness.Exchange.ReleaseHeldCalls(harness.Dpc));

        var ended = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEndReason.RouteUnavailable, ended.Event.Reason);
        Assert.True(outgoing.IsEnded);
        Assert.Empty(harness.Signals.Take());
        Assert.All(harness.Exchange.GetCircuitStatuses(harness.Dpc), status => Assert.Equal(CircuitState.Unavailable, status.State));

        harness.Exchange.RouteAvailable(harness.Dpc);
        Assert.Equal(["GRS cic=1 range=7"], harness.Signals.TakeText());
    }

    private static int CountResetCircuits(IReadOnlyList<string> resets)
    {
        int count = 0;
        foreach (string text in resets)
        {
            int range = text.IndexOf("range=", StringComparison.Ordinal);
            count += range < 0 ? 1 : int.Parse(text.AsSpan(range + 6), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }
        return count;
    }
}
