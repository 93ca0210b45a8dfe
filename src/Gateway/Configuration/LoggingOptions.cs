using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Configuration;

/// <summary>Where log events go and how much of them: a default level, overrides by category prefix, console and syslog.</summary>
public sealed record LoggingOptions(
    ConsoleLogFormat Console,
    LogEventLevel DefaultLevel,
    IReadOnlyList<KeyValuePair<string, LogEventLevel>> Levels,
    IReadOnlyList<SyslogSinkOptions> Syslog);
