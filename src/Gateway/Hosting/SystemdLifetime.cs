using System.Runtime.InteropServices;
using Gateway.Systemd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Hosting;

/// <summary>
/// The host lifetime, in and out of systemd. It tells systemd <c>READY=1</c> once every hosted service has started
/// (configuration loaded, every listener bound) and <c>STOPPING=1</c> when shutdown begins, and turns SIGTERM, SIGINT
/// and SIGQUIT into a graceful stop. Outside systemd the notifications are no-ops and it behaves as a console lifetime.
/// </summary>
public sealed partial class SystemdLifetime(
    IHostApplicationLifetime application, SystemdNotifier notifier, ILogger<SystemdLifetime> logger)
    : IHostLifetime, IDisposable
{
    private readonly List<IDisposable> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(application.ApplicationStarted.Register(static s => ((SystemdLifetime)s!).OnStarted(), this));
        _registrations.Add(application.ApplicationStopping.Register(static s => ((SystemdLifetime)s!).OnStopping(), this));
        foreach (var signal in (ReadOnlySpan<PosixSignal>)[PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT])
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
        return Task.CompletedTask;
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Cancel the runtime's default (immediate exit) so calls are released before the process ends.
        context.Cancel = true;
        LogSignal(logger, SignalName(context.Signal));
        application.StopApplication();
    }

    private void OnStarted()
    {
        bool told = notifier.Ready("running");
        LogReady(logger, told ? "sent" : notifier.IsEnabled ? "failed" : "no-systemd");
    }

    private void OnStopping()
    {
        notifier.Stopping("stopping");
        LogStopping(logger);
    }

    private static string SignalName(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGTERM => "SIGTERM",
        PosixSignal.SIGINT => "SIGINT",
        PosixSignal.SIGQUIT => "SIGQUIT",
        _ => signal.ToString(),
    };

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

    [LoggerMessage(Level = LogLevel.Information, Message = "event=signal signal={Signal}")]
    private static partial void LogSignal(ILogger logger, string signal);
}
