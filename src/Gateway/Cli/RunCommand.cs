using Gateway.Configuration;
using Gateway.Control;
using Gateway.Fsm;
using Gateway.Hosting;
using Gateway.Logging;
using Gateway.Signalling;
using Gateway.Systemd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace Gateway.Cli;

/// <summary>Runs the daemon in the foreground until SIGTERM/SIGINT, as systemd's <c>Type=notify</c> expects.</summary>
public sealed class RunCommand : CliCommand
{
    public override string Name => "run";
    public override string Usage => "[--config PATH]";
    public override string Summary => "run the gateway in the foreground (systemd: Type=notify)";
    public override IReadOnlyCollection<string> ValueOptions => ["config"];

    public override async Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter error)
    {
        using var signal = new ShutdownSignal();
        string path = Path.GetFullPath(arguments.Option("config") ?? ConfigPath.Default);
        GatewayConfiguration configuration;
        try
        {
            configuration = GatewayConfigurationReader.ReadFile(path);
        }
        catch (ConfigurationException e)
        {
            CheckConfigCommand.WriteErrors(e, error);
            return ExitCodes.Config;
        }

        var systemd = SystemdEnvironment.FromProcess();
        using var notifier = new SystemdNotifier(systemd.NotifySocket);
        var problems = new RecentProblems();
        using var serilog = LoggingSetup.CreateLogger(configuration.Logging, systemd, configuration.Node.Name, problems);
        using var loggerFactory = new SerilogLoggerFactory(serilog);
        var log = loggerFactory.CreateLogger("Gateway.Daemon");
        log.LogInformation("event=start version={Version} pid={Pid} node={Node} config={Config} systemd={Systemd}",
            CommandLine.Version, Environment.ProcessId, configuration.Node.Name, path, systemd.IsService ? "yes" : "no");
        notifier.Status("starting");

        try
        {
            SignallingService.EnsureTransportsAvailable(configuration);
            // Every protocol timer on one wheel (docs/performance.md): tens of thousands of them are armed under load.
            // Its tick runs on a thread of its own, which wakes once per tick instead of three times.
            var timers = new TimerWheel(new ThreadTimeProvider());
            using var host = GatewayHost.Build(configuration, new ConfigurationSource(path), signal, systemd, notifier, serilog, problems, timers);
            try
            {
                await host.StartAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
            {
                // Stopped while starting: what did start is stopped below, like any graceful stop.
            }
            await host.WaitForShutdownAsync().ConfigureAwait(false);
        }
        catch (M3ua.SctpUnavailableException e)
        {
            // The message says what to do (modprobe sctp); a stack trace would only bury it.
            log.LogCritical("event=failed reason=\"{Reason}\"", e.Message);
            notifier.Status("failed: no SCTP in the kernel (modprobe sctp)");
            return ExitCodes.Unavailable;
        }
        catch (Exception e)
        {
            // A listener that cannot bind, or any other failure to start: say why in one line and let systemd restart us.
            log.LogCritical(e, "event=failed reason={Reason}", e.Message);
            notifier.Status("failed: " + e.Message);
            return ExitCodes.Failure;
        }
        log.LogInformation("event=stop exit={Exit}", ExitCodes.Ok);
        return ExitCodes.Ok;
    }
}
