using Gateway.Systemd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Hosting;

/// <summary>
/// Pets systemd's watchdog (<c>WATCHDOG=1</c>) every <c>WATCHDOG_USEC/2</c> while the signalling loops are alive.
/// When a loop goes stale it stops petting and says so once, so systemd restarts the service after WatchdogSec.
/// </summary>
public sealed partial class WatchdogService(
    SystemdEnvironment systemd, SystemdNotifier notifier, CoreHeartbeat heartbeat, TimeProvider time, ILogger<WatchdogService> logger)
    : IHostedService, IDisposable
{
    private ITimer? _timer;
    private bool _withheld;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (systemd.WatchdogInterval is TimeSpan interval && notifier.IsEnabled)
        {
            LogEnabled(logger, (long)interval.TotalMilliseconds);
            notifier.Watchdog();
            _timer = time.CreateTimer(static state => ((WatchdogService)state!).Tick(), this, interval, interval);
        }
        return Task.CompletedTask;
    }

    private void Tick()
    {
        // A loop may miss one beat while busy; two watchdog periods is the longest it may go quiet.
        var maxAge = 2 * systemd.WatchdogInterval!.Value;
        var stale = heartbeat.FindStale(maxAge);
        if (stale is null)
        {
            if (_withheld)
            {
                _withheld = false;
                LogResumed(logger);
            }
            notifier.Watchdog();
        }
        else if (!_withheld)
        {
            _withheld = true;
            LogWithheld(logger, stale.Name, (long)stale.Age.TotalMilliseconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Keep petting while calls drain: systemd's stop timeout, not the watchdog, bounds the shutdown.
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "event=watchdog-enabled interval_ms={IntervalMs}")]
    private static partial void LogEnabled(ILogger logger, long intervalMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "event=watchdog-withheld loop={Loop} silent_ms={SilentMs}")]
    private static partial void LogWithheld(ILogger logger, string loop, long silentMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event=watchdog-resumed")]
    private static partial void LogResumed(ILogger logger);
}
