using Gateway.Systemd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Hosting;

/// <summary>
/// The host lifetime, in and out of systemd. It tells systemd <c>READY=1</c> once every hosted service has started
/// (configuration loaded, every listener bound) and <c>STOPPING=1</c> when shutdown begins, which a
/// <see cref="ShutdownSignal"/> starts. Outside systemd the notifications are no-ops and it is a console lifetime.
/// </summary>
public sealed partial class SystemdLifetime(
    IHostApplicationLifetime application, ShutdownSignal signal, SystemdNotifier notifier, ILogger<SystemdLifetime> logger)
    : IHostLifetime, IDisposable
{
    private readonly List<IDisposable> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(application.ApplicationStarted.Register(static s => ((SystemdLifetime)s!).OnStarted(), this));
        _registrations.Add(application.ApplicationStopping.Register(static s => ((SystemdLifetime)s!).OnStopping(), this));
        // Registered last: a stop requested during start-up runs its callback here, after the two above.
        _registrations.Add(signal.Token.Register(static s => ((SystemdLifetime)s!).OnStopRequested(), this));
        return Task.CompletedTask;
    }

    private void OnStopRequested()
    {
        LogSignal(logger, signal.Reason ?? "unknown");
        application.StopApplication();
    }

    private void OnStarted()
    {
        if (application.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }
        bool told = notifier.Ready("running");
        LogReady(logger, told ? "sent" : notifier.IsEnabled ? "failed" : "no-systemd");
    }

    private void OnStopping()
    {
        notifier.Stopping("stopping");
        LogStopping(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _registrations.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "event=ready notify={Notify}")]
    private static partial void LogReady(ILogger logger, string notify);

    [LoggerMessage(Level = LogLevel.Information, Message = "event=stopping")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "event=stop-requested by={By}")]
    private static partial void LogSignal(ILogger logger, string by);
}
