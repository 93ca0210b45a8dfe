using Gateway.Hosting;
using Gateway.Systemd;
using Gateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Hosting;

public sealed class WatchdogServiceTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly NotifySocketReceiver _receiver = new();
    private readonly SystemdNotifier _notifier;
    private readonly CoreHeartbeat _heartbeat;

    public WatchdogServiceTests()
    {
        _notifier = new SystemdNotifier(_receiver.NotifySocket);
        _heartbeat = new CoreHeartbeat(_time);
    }

    private WatchdogService Start(TimeSpan? interval)
    {
        var service = new WatchdogService(new SystemdEnvironment(true, _receiver.NotifySocket, interval, false), _notifier, _heartbeat, _time,
            NullLogger<WatchdogService>.Instance);
        service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return service;
    }

    [Fact]
    public void Pets_at_start_and_every_interval_while_loops_beat()
    {
        var loop = _heartbeat.Register("sip");
        using var service = Start(TimeSpan.FromSeconds(10));
        Assert.Equal("WATCHDOG=1", _receiver.Receive());
        for (int i = 0; i < 5; i++)
        {
            loop.Beat();
            _time.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal("WATCHDOG=1", _receiver.Receive());
        }
        Assert.Equal(0, _receiver.Drain());
    }

    [Fact]
    public void Stops_petting_when_a_loop_goes_silent_and_resumes_when_it_beats()
    {
        var loop = _heartbeat.Register("m3ua");
        using var service = Start(TimeSpan.FromSeconds(10));
        Assert.Equal("WATCHDOG=1", _receiver.Receive());

        // Silent for longer than two periods: systemd must be left to restart us.
        _time.Advance(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _receiver.Drain());
        _time.Advance(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, _receiver.Drain());

        loop.Beat();
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("WATCHDOG=1", _receiver.Receive());
    }

    [Fact]
    public void Without_watchdog_usec_nothing_is_sent_and_no_timer_runs()
    {
        using var service = Start(null);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, _receiver.Drain());
        Assert.Equal(0, _time.ActiveTimers);
    }

    public void Dispose()
    {
        _notifier.Dispose();
        _receiver.Dispose();
    }
}
