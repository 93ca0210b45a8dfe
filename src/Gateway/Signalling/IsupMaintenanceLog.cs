using Gateway.Isup;
using Gateway.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.Signalling;

/// <summary>
/// The ISUP procedures' maintenance events as log lines (their own <c>key=value</c> rendering). Events a peer can
/// provoke at will — messages for unknown CICs or point codes, unrecognised or unexpected messages — are rate-limited
/// per kind; resets, blocking and alarms are rare and always written.
/// </summary>
public sealed class IsupMaintenanceLog(ILogger log, EventRateLimiter limiter) : IIsupMaintenanceSink
{
    public void Report(in IsupMaintenanceEvent maintenanceEvent)
    {
        long suppressed = 0;
        if (IsPeerProvoked(maintenanceEvent.Kind) && !limiter.TryAcquire((int)maintenanceEvent.Kind, out suppressed)) return;

        LogLevel level = maintenanceEvent.Severity switch
        {
            IsupEventSeverity.Alarm => LogLevel.Error,
            IsupEventSeverity.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        if (!log.IsEnabled(level)) return;
        if (suppressed > 0)
        {
            log.Log(level, "{Event} suppressed={Suppressed}", maintenanceEvent.ToString(), suppressed);
        }
        else
        {
            log.Log(level, "{Event}", maintenanceEvent.ToString());
        }
    }

    private static bool IsPeerProvoked(IsupMaintenanceEventKind kind) => kind is IsupMaintenanceEventKind.UnknownPointCode
        or IsupMaintenanceEventKind.UnequippedCic or IsupMaintenanceEventKind.UnexpectedMessage
        or IsupMaintenanceEventKind.UnrecognisedMessage or IsupMaintenanceEventKind.UnrecognisedParameter
        or IsupMaintenanceEventKind.GroupMessageDiscarded or IsupMaintenanceEventKind.IamDiscarded
        or IsupMaintenanceEventKind.ConfusionReceived or IsupMaintenanceEventKind.UnexpectedAcknowledgement;
}
