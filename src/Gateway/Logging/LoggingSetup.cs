using Gateway.Configuration;
using Gateway.Systemd;
using Serilog;

namespace Gateway.Logging;

/// <summary>Builds the daemon's Serilog logger from the logging configuration and what systemd told us.</summary>
public static class LoggingSetup
{
    public static Serilog.Core.Logger CreateLogger(LoggingOptions options, SystemdEnvironment systemd, string nodeName)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Is(options.DefaultLevel);
        foreach (var (category, level) in options.Levels)
        {
            configuration.MinimumLevel.Override(category, level);
        }
        configuration.WriteTo.Console();
        return configuration.CreateLogger();
    }
}
