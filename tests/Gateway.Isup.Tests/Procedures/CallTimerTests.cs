using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>The call timers (Q.764 Table A.1): T7, T9, T2/T6, T33 release the call and tell call control; T11 asks it for an ACM.</summary>
public sealed class CallTimerTests
{
    [Fact]
    public void T7_without_ACM_releases_with_cause_102_and_fails_the_call()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.Forget();

        harness.Advance(harness.Timers.T7 - TimeSpan.FromMilliseconds(1));
        Assert.Empty(harness.Signals.Take());
        harness.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(["REL cic=2 cause=102"], harness.Signals.TakeText());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Failed, failed.Kind);
        Assert.Equal(IsupCallEndReason.AddressCompleteTimeout, failed.Event.Reason);
        Assert.Equal(IsupCauses.RecoveryOnTimerExpiry, failed.Event.Cause.Value);
        Assert.True(call.IsEnded);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.CallTimerExpired && e.Timer == IsupTimer.T7);
        harness.Receive(IsupMessageType.RLC, 2);
        harness.AssertQuiescent();
    }

    [Fact]
    public void T7_runs_from_the_latest_address_message()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.Advance(harness.Timers.T7 / 2);
        Assert.True(harness.CallControl.SendSam(call, "SAM"));
        Assert.Equal(["IAM cic=2", "SAM cic=2"], harness.Signals.TakeText());

        harness.Advance(harness.Timers.T7 - TimeSpan.FromMilliseconds(1));
        Assert.Empty(harness.Signals.Take());
        harness.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["REL cic=2 cause=102"], harness.Signals.TakeText());
    }

    [Fact]
    public void ACM_stops_T7_and_starts_T9_whose_expiry_releases_with_cause_19()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2, "the ACM");
        ReceivedCallEvent acm = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.AddressComplete, acm.Kind);
        Assert.Equal("the ACM", acm.Event.Message);
        harness.Forget();

        harness.Advance(harness.Timers.T9 - TimeSpan.FromMilliseconds(1));
        Assert.Empty(harness.Signals.Take());
        harness.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(["REL cic=2 cause=19"], harness.Signals.TakeText());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEndReason.AnswerTimeout, failed.Event.Reason);
        Assert.Equal(IsupCauses.NoAnswerFromUser, failed.Event.Cause.Value);
        harness.Receive(IsupMessageType.RLC, 2);
        harness.AssertQuiescent();
    }

    [Fact]
    public void A_zero_T9_waits_for_answer_without_a_timer()
    {
        using var harness = new ExchangeHarness(configure: o => o with { Timers = o.Timers with { T9 = TimeSpan.Zero } });
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);

        Assert.Equal(0, harness.Time.ActiveTimers);
        harness.Advance(TimeSpan.FromHours(1));
        Assert.False(call.IsEnded);
        harness.ReceiveCall(IsupMessageType.ANM, 2);
        Assert.Equal(CircuitState.OutgoingAnswered, harness.Status(2).State);
    }

    [Fact]
    public void ANM_stops_T9()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.ReceiveCall(IsupMessageType.CPG, 2);
        harness.ReceiveCall(IsupMessageType.ANM, 2);

        Assert.Equal(
            [IsupCallEventKind.AddressComplete, IsupCallEventKind.Progress, IsupCallEventKind.Answered],
            harness.Calls.Take().ConvertAll(e => e.Kind));
        Assert.Equal(0, harness.Time.ActiveTimers);
        harness.Advance(TimeSpan.FromHours(1));
        Assert.False(call.IsEnded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_suspend_not_resumed_within_T6_or_T2_releases_the_call(bool networkInitiated)
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.ReceiveCall(IsupMessageType.ANM, 2);
        harness.Forget();

        harness.Receive(new IsupSignal { Type = IsupMessageType.SUS, Cic = 2, NetworkInitiated = networkInitiated, Message = "SUS" });
        ReceivedCallEvent suspended = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Suspended, suspended.Kind);
        Assert.Equal(networkInitiated, suspended.Event.NetworkInitiated);

        TimeSpan timer = networkInitiated ? harness.Timers.T6 : harness.Timers.T2;
        harness.Advance(timer - TimeSpan.FromMilliseconds(1));
        Assert.Empty(harness.Signals.Take());
        harness.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(["REL cic=2 cause=102"], harness.Signals.TakeText());
        Assert.Equal(IsupCallEndReason.SuspendTimeout, Assert.Single(harness.Calls.Take()).Event.Reason);
        Assert.Contains(harness.Maintenance.Take(), e => e.Timer == (networkInitiated ? IsupTimer.T6 : IsupTimer.T2));
    }

    [Fact]
    public void RES_stops_the_suspend_timer()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);
        harness.CallControl.SendCon(call, "CON");
        harness.Receive(new IsupSignal { Type = IsupMessageType.SUS, Cic = 3, NetworkInitiated = true });
        harness.Receive(new IsupSignal { Type = IsupMessageType.RES, Cic = 3, NetworkInitiated = true });

        Assert.Equal([IsupCallEventKind.Suspended, IsupCallEventKind.Resumed], harness.Calls.Take().ConvertAll(e => e.Kind));
        Assert.Equal(0, harness.Time.ActiveTimers);
        harness.Advance(harness.Timers.T6 * 2);
        Assert.False(call.IsEnded);
    }

    [Fact]
    public void T33_without_INF_releases_with_cause_102_and_alerts_maintenance()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);
        Assert.True(harness.CallControl.SendInr(call, "INR"));
        Assert.Equal(["INR cic=3"], harness.Signals.TakeText());

        harness.Advance(harness.Timers.T33); // T33 (12 s) is shorter than T11 (15 s)

        Assert.Equal(["REL cic=3 cause=102"], harness.Signals.TakeText());
        Assert.Equal(IsupCallEndReason.InformationTimeout, Assert.Single(harness.Calls.Take()).Event.Reason);
        IsupMaintenanceEvent alarm = Assert.Single(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.InformationOverdue);
        Assert.Equal(IsupEventSeverity.Alarm, alarm.Severity);
        harness.Receive(IsupMessageType.RLC, 3);
        harness.AssertQuiescent();
    }

    [Fact]
    public void INF_stops_T33_and_reaches_call_control()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);
        harness.CallControl.SendInr(call, "INR");

        harness.ReceiveCall(IsupMessageType.INF, 3, "the INF");

        ReceivedCallEvent information = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Information, information.Kind);
        Assert.Equal("the INF", information.Event.Message);
        Assert.True(harness.CallControl.SendAcm(call, "ACM"));
        Assert.Equal(0, harness.Time.ActiveTimers); // T11 and T33 both stopped
    }

    [Fact]
    public void T11_asks_call_control_for_an_ACM_so_the_previous_exchanges_T7_does_not_fire()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.Calls.OnEvent = (call, e) =>
        {
            if (e.Kind == IsupCallEventKind.AddressCompleteDue)
            {
                Assert.True(harness.CallControl.SendAcm(call, "ACM, no indication"));
            }
        };
        IsupCall call = harness.OfferIncoming(3);

        harness.Advance(harness.Timers.T11);

        Assert.Equal(IsupCallEventKind.AddressCompleteDue, Assert.Single(harness.Calls.Take()).Kind);
        Assert.Equal(["ACM cic=3"], harness.Signals.TakeText());
        Assert.Equal(CircuitState.IncomingAlerting, harness.Status(3).State);
        Assert.Equal(0, harness.Time.ActiveTimers);
        Assert.False(call.IsEnded);
    }
}
