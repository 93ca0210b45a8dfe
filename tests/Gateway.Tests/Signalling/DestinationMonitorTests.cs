using Gateway.Isup;
using Gateway.M3ua;
using Gateway.Signalling;
using Gateway.Testing;
using Gateway.Tests.IsupSetup;

namespace Gateway.Tests.Signalling;

/// <summary>
/// What a DPC's coming and going does to calls (issue: route availability): refused while away (503 with 34, 38 or
/// 42), circuits reset on return, answered calls held for the configured time. Real ISUP procedures, virtual time.
/// </summary>
public sealed class DestinationMonitorTests : IDisposable
{
    private const int Dpc = 2;
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingSignals _signals = new();
    private readonly CapturingLogger _log = new();
    private readonly IsupExchange _exchange;

    public DestinationMonitorTests()
    {
        var options = new IsupExchangeOptions(1, [new CircuitGroupOptions(Dpc, [new CircuitCodeRange(1, 4)]) { Selection = CircuitSelection.Ascending }]);
        _exchange = new IsupExchange(options, _signals, new IgnoredCallEvents(), new IgnoredMaintenance(), _time);
    }

    private DestinationMonitor Monitor(byte cause = 34, int holdSeconds = 60) =>
        new(Dpc, _exchange, cause, TimeSpan.FromSeconds(holdSeconds), _time, _log);

    [Theory]
    [InlineData(34)]
    [InlineData(38)]
    public void A_DPC_not_yet_heard_from_refuses_calls_with_503_and_the_configured_cause(byte cause)
    {
        using var monitor = Monitor(cause);

        Assert.Equal(DestinationState.Unavailable, monitor.State);
        Assert.True(monitor.TryRefuse(out CallRefusal refusal));
        Assert.Equal(new CallRefusal(503, cause), refusal);
        Assert.Empty(_signals.Take());
    }

    [Fact]
    public void Becoming_available_resets_the_circuits_and_admits_calls()
    {
        using var monitor = Monitor();

        monitor.Update(DestinationAvailability.Available, 0);

        Assert.False(monitor.TryRefuse(out _));
        var grs = Assert.Single(_signals.Take());
        Assert.Equal(IsupMessageType.GRS, grs.Type);
        Assert.Single(_log.Matching("event=destination-available dpc=2 action=reset-circuits"));

        monitor.Update(DestinationAvailability.Restricted, 0);
        Assert.Empty(_signals.Take());
        Assert.Single(_log.Matching("event=destination-available"));
    }

    [Fact]
    public void Congestion_refuses_new_calls_with_cause_42_until_it_abates()
    {
        using var monitor = Monitor();
        monitor.Update(DestinationAvailability.Available, 0);

        monitor.Update(DestinationAvailability.Available, 2);
        Assert.True(monitor.TryRefuse(out CallRefusal refusal));
        Assert.Equal(new CallRefusal(503, 42), refusal);
        Assert.Single(_log.Matching("event=destination-congested dpc=2 level=2 cause=42"));

        monitor.Update(DestinationAvailability.Available, 0);
        Assert.False(monitor.TryRefuse(out _));
        Assert.Single(_log.Matching("event=destination-congestion-abated dpc=2"));
    }

    [Fact]
    public void Answered_calls_are_held_for_the_hold_time_then_released_and_the_return_resets_every_circuit()
    {
        using var monitor = Monitor(holdSeconds: 60);
        BringUp(monitor);
        IsupCall answered = Answer();
        Assert.True(_exchange.CallControl.TrySeize(Dpc, "IAM", out IsupCall? setup));
        _signals.Take();

        monitor.Update(DestinationAvailability.Unavailable, 0);

        Assert.True(setup.IsEnded);
        Assert.False(answered.IsEnded);
        Assert.True(monitor.TryRefuse(out CallRefusal refusal));
        Assert.Equal(new CallRefusal(503, 34), refusal);
        Assert.Single(_log.Matching("event=destination-unavailable dpc=2 cause=34 hold-answered-seconds=60"));

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(answered.IsEnded);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(answered.IsEnded);
        Assert.Single(_log.Matching("event=held-calls-released dpc=2 calls=1 cause=41"));

        monitor.Update(DestinationAvailability.Available, 0);
        var grs = Assert.Single(_signals.Take());
        Assert.Equal(IsupMessageType.GRS, grs.Type);
        Assert.Equal(3, grs.Range); // all four circuits
    }

    [Fact]
    public void A_route_back_within_the_hold_time_keeps_the_answered_call_and_the_old_timer_does_nothing()
    {
        using var monitor = Monitor(holdSeconds: 60);
        BringUp(monitor);
        IsupCall answered = Answer();
        _signals.Take();

        monitor.Update(DestinationAvailability.Unavailable, 0);
        _time.Advance(TimeSpan.FromSeconds(30));
        monitor.Update(DestinationAvailability.Available, 0);
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.False(answered.IsEnded);
        Assert.Empty(_log.Matching("event=held-calls-released"));
        Assert.Equal(CircuitState.OutgoingAnswered, _exchange.GetCircuitStatus(Dpc, answered.Cic).State);
        foreach (IsupSignal reset in _signals.Take())
        {
            Assert.True(reset.Cic > answered.Cic || reset.Cic + reset.Range < answered.Cic, $"{reset} covers the held call's CIC {answered.Cic}");
        }
    }

    [Fact]
    public void A_hold_time_of_zero_releases_answered_calls_with_the_route()
    {
        using var monitor = Monitor(holdSeconds: 0);
        BringUp(monitor);
        IsupCall answered = Answer();

        monitor.Update(DestinationAvailability.Unavailable, 0);

        Assert.True(answered.IsEnded);
        Assert.Equal(0, _time.ActiveTimers);
    }

    private void BringUp(DestinationMonitor monitor)
    {
        monitor.Update(DestinationAvailability.Available, 0);
        foreach (IsupSignal sent in _signals.Take())
        {
            _exchange.Receive(Dpc, IsupSignal.GroupResetAcknowledgement(sent.Cic, sent.Range, CircuitStatusBits.None));
        }
    }

    private IsupCall Answer()
    {
        Assert.True(_exchange.CallControl.TrySeize(Dpc, "IAM", out IsupCall? call));
        _exchange.Receive(Dpc, IsupSignal.Call(IsupMessageType.ACM, call.Cic, "ACM"));
        _exchange.Receive(Dpc, IsupSignal.Call(IsupMessageType.ANM, call.Cic, "ANM"));
        Assert.Equal(CircuitState.OutgoingAnswered, _exchange.GetCircuitStatus(Dpc, call.Cic).State);
        return call;
    }

    public void Dispose()
    {
    }
}
