using System.Globalization;
using Gateway.Configuration;
using Gateway.Systemd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Hosting;

/// <summary>
/// Orders a graceful stop: it runs in the hosted-service "stopping" phase, before any transport is stopped, so that
/// releases (REL, BYE) still have a way out. Admission closes first, then every participant drains in parallel.
/// </summary>
public sealed partial class ShutdownCoordinator(
    CallAdmission admission,
    IEnumerable<IShutdownParticipant> participants,
    ShutdownOptions options,
    SystemdNotifier notifier,
    TimeProvider time,
    ILogger<ShutdownCoordinator> logger) : IHostedLifecycleService
{
    private readonly IShutdownParticipant[] _participants = [.. participants];

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        admission.Close();
        int active = 0;
        foreach (var p in _participants) active += p.ActiveCount;
        LogDraining(logger, active, (long)options.Drain.TotalSeconds);
        notifier.Status(string.Create(CultureInfo.InvariantCulture, $"stopping: draining {active} calls"));

        var deadline = time.GetUtcNow() + options.Drain;
        var drains = new Task[_participants.Length];
        for (int i = 0; i < drains.Length; i++)
        {
            drains[i] = DrainOne(_participants[i], deadline, cancellationToken);
        }
        await Task.WhenAll(drains).ConfigureAwait(false);

        int left = 0;
        foreach (var p in _participants) left += p.ActiveCount;
        LogDrained(logger, left);
    }

    private async Task DrainOne(IShutdownParticipant participant, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        try
        {
            await participant.DrainAsync(deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogCutShort(logger, participant.Name, participant.ActiveCount);
        }
        catch (Exception e)
        {
            // One participant failing must not stop the others from releasing their calls.
            LogFailed(logger, e, participant.Name);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "event=draining active={Active} drain_s={DrainSeconds}")]
    private static partial void LogDraining(ILogger logger, int active, long drainSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "event=drained left={Left}")]
    private static partial void LogDrained(ILogger logger, int left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event=drain-cut-short part={Part} left={Left}")]
    private static partial void LogCutShort(ILogger logger, string part, int left);

    [LoggerMessage(Level = LogLevel.Error, Message = "event=drain-failed part={Part}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string part);
}
