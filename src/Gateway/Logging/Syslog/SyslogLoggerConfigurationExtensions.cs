using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Logging;

/// <summary><c>WriteTo.Syslog(options)</c>: the syslog sink behind a non-blocking asynchronous queue.</summary>
public static class SyslogLoggerConfigurationExtensions
{
    /// <summary>
    /// Adds a <see cref="SyslogSink"/> wrapped in Serilog.Sinks.Async with a queue of
    /// <see cref="SyslogSinkOptions.BufferSize"/> events that drops (never blocks) when full.
    /// Disposing the logger flushes the queue and closes the socket.
    /// </summary>
    public static LoggerConfiguration Syslog(
        this LoggerSinkConfiguration sinkConfiguration,
        SyslogSinkOptions options,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum,
        LoggingLevelSwitch? levelSwitch = null) =>
        Syslog(sinkConfiguration, options, out _, restrictedToMinimumLevel, levelSwitch);

    /// <summary>As <see cref="Syslog(LoggerSinkConfiguration, SyslogSinkOptions, LogEventLevel, LoggingLevelSwitch?)"/>, also returning the sink for its counters.</summary>
    public static LoggerConfiguration Syslog(
        this LoggerSinkConfiguration sinkConfiguration,
        SyslogSinkOptions options,
        out SyslogSink sink,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum,
        LoggingLevelSwitch? levelSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        ArgumentNullException.ThrowIfNull(options);
        var created = new SyslogSink(options);
        sink = created;
        return sinkConfiguration.Async(
            a => a.Sink(created, restrictedToMinimumLevel, levelSwitch),
            monitor: created,
            bufferSize: options.BufferSize,
            blockWhenFull: false);
    }
}
