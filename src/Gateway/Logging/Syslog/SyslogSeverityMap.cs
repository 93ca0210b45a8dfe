using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// Maps Serilog levels to syslog severities. Fatal maps to critical, never to emergency or
/// alert: journald broadcasts emergency messages to every terminal (wall).
/// </summary>
public static class SyslogSeverityMap
{
    /// <summary>Verbose/Debug→debug(7), Information→info(6), Warning→warning(4), Error→err(3), Fatal→crit(2).</summary>
    public static SyslogSeverity ToSeverity(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => SyslogSeverity.Debug,
        LogEventLevel.Debug => SyslogSeverity.Debug,
        LogEventLevel.Information => SyslogSeverity.Informational,
        LogEventLevel.Warning => SyslogSeverity.Warning,
        LogEventLevel.Error => SyslogSeverity.Error,
        LogEventLevel.Fatal => SyslogSeverity.Critical,
        _ => SyslogSeverity.Critical, // unknown values above Fatal: still never emerg/alert
    };

    /// <summary>The PRI value <c>facility * 8 + severity</c>.</summary>
    public static int Priority(SyslogFacility facility, LogEventLevel level) =>
        ((int)facility * 8) + (int)ToSeverity(level);
}
