namespace Gateway.Logging;

/// <summary>Syslog severities (RFC 5424 section 6.2.1).</summary>
public enum SyslogSeverity
{
    /// <summary>System is unusable (0). Never produced by the gateway: journald broadcasts it to all terminals.</summary>
    Emergency = 0,

    /// <summary>Action must be taken immediately (1). Never produced by the gateway.</summary>
    Alert = 1,

    /// <summary>Critical conditions (2): Serilog Fatal.</summary>
    Critical = 2,

    /// <summary>Error conditions (3): Serilog Error.</summary>
    Error = 3,

    /// <summary>Warning conditions (4): Serilog Warning.</summary>
    Warning = 4,

    /// <summary>Normal but significant condition (5). Not produced by the level map.</summary>
    Notice = 5,

    /// <summary>Informational messages (6): Serilog Information.</summary>
    Informational = 6,

    /// <summary>Debug-level messages (7): Serilog Debug and Verbose.</summary>
    Debug = 7,
}
