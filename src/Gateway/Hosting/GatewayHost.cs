using Gateway.Configuration;
using Gateway.Control;
using Gateway.Interworking;
using Gateway.Logging;
using Gateway.Metrics;
using Gateway.Signalling;
using Gateway.Systemd;
using Gateway.Tracing;
using Gateway.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace Gateway.Hosting;

/// <summary>Composes the daemon: configuration, systemd integration, logging and the services later layers add.</summary>
public static class GatewayHost
{
    public static IHost Build(
        GatewayConfiguration configuration, ConfigurationSource source, ShutdownSignal signal, SystemdEnvironment systemd, SystemdNotifier notifier,
        Serilog.ILogger logger, RecentProblems problems, TimeProvider time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "sip-isup-gateway",
            DisableDefaults = true,
        });

        // Serilog decides what is written (per-category levels from our configuration); MEL must pass everything on.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(new SerilogLoggerProvider(logger, dispose: false));

        builder.Services.Configure<HostOptions>(o =>
        {
            // Beyond the drain and release time, a margin for the transports to close.
            o.ShutdownTimeout = configuration.Shutdown.Total + TimeSpan.FromSeconds(5);
            o.ServicesStartConcurrently = false;
            o.ServicesStopConcurrently = false;
        });

        var services = builder.Services;
        services.AddSingleton(configuration);
        services.AddSingleton(configuration.Shutdown);
        services.AddSingleton(source);
        services.AddSingleton(problems);
        services.AddSingleton(signal);
        services.AddSingleton(systemd);
        services.AddSingleton(notifier);
        services.AddSingleton(time);
        services.AddSingleton(new CoreHeartbeat(time));
        services.AddSingleton<CallAdmission>();
        services.AddSingleton<IHostLifetime, SystemdLifetime>();
        // Registered before the coordinator so that they start first and stop last: calls drain over live associations
        // and a live SIP stack. The relay lets the ISUP procedures (signalling) reach the calls (interworking).
        // First, so that the metrics endpoint starts before the calls and stops after they drained.
        services.AddGatewayMetrics(configuration.Metrics);
        services.AddSingleton<IGatewayMetricsSource, DaemonMetricsSource>();
        // Disposed by the container after the hosted services stopped: a trace still running is flushed and closed.
        services.AddSingleton<SignallingTrace>();
        if (configuration.Hep is { } hep)
        {
            services.AddSingleton(_ => new HepExporter(new HepOptions(hep.EndPoint) { CaptureAgentId = hep.CaptureId, AuthenticationKey = hep.Password }));
        }
        services.AddSingleton(static sp => new SignallingWireTap(sp.GetRequiredService<GatewayMetrics>(), sp.GetRequiredService<SignallingTrace>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<HepExporter>()));
        services.AddSingleton<IsupCallEventRelay>();
        services.AddSingleton<ICallMapping>(new CallMapping(CallMappingOptionsFactory.Create(configuration.Interworking)));
        services.AddSingleton<SignallingService>();
        services.AddSingleton<InterworkingService>();
        services.AddSingleton<IShutdownParticipant>(static sp => sp.GetRequiredService<InterworkingService>());
        services.AddHostedService(static sp => sp.GetRequiredService<SignallingService>());
        services.AddHostedService(static sp => sp.GetRequiredService<InterworkingService>());
        // After the calls, before the coordinator: the operator can watch the drain, and the socket closes before the
        // services it reads stop.
        services.AddSingleton<IControlHandler, OperatorCommands>();
        services.AddHostedService(static sp => new ControlServer(ControlSocketPath.FromEnvironment(), sp.GetRequiredService<IControlHandler>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Operator")));
        services.AddHostedService<ShutdownCoordinator>();
        services.AddHostedService<WatchdogService>();
        services.AddSingleton<IHeapControl, RuntimeHeap>();
        services.AddHostedService<IdleHeapCompaction>();
        return builder.Build();
    }
}
