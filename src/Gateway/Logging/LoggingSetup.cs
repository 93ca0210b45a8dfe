using Gateway.Configuration;
using Gateway.Systemd;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;

namespace Gateway.Logging;

/// <summary>Builds the daemon's Serilog logger from the logging configuration and what systemd told us.</summary>
public static class LoggingSetup
{
    public static Serilog.Core.Logger CreateLogger(LoggingOptions options, SystemdEnvironment systemd, string nodeName, RecentProblems? problems = null)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Is(options.DefaultLevel);
        foreach (var (category, level) in options.Levels)
        {
            configuration.MinimumLevel.Override(category, level);
        }

        ITextFormatter? console = options.Console switch
        {
            ConsoleLogFormat.Journald => new JournaldConsoleFormatter(),
            ConsoleLogFormat.Terminal => new TerminalConsoleFormatter(),
            ConsoleLogFormat.Auto => systemd.OutputIsJournal ? new JournaldConsoleFormatter() : new TerminalConsoleFormatter(),
            _ => null,
        };
        if (console is not null)
        {
            configuration.WriteTo.Console(console);
        }

        foreach (var syslog in options.Syslog)
        {
            syslog.Hostname ??= nodeName;
            configuration.WriteTo.Syslog(syslog);
        }
        if (problems is not null)
        {
            configuration.WriteTo.Sink(problems, LogEventLevel.Warning);
        }
        return configuration.CreateLogger();
    }
}
