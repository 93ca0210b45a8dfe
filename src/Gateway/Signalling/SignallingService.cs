using System.Net;
using Gateway.Configuration;
using Gateway.Interworking;
using Gateway.Isup;
using Gateway.IsupSetup;
using Gateway.Logging;
using Gateway.M3ua;
using Gateway.Metrics;
using Gateway.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using M3uaTrafficModeSetting = Gateway.Configuration.M3uaTrafficMode;

namespace Gateway.Signalling;

/// <summary>
/// The PSTN side of the daemon: the configured M3UA associations (clients reconnect by themselves, servers listen),
/// one route set per DPC over them, the ISUP procedures on top, and one <see cref="DestinationMonitor"/> per DPC that
/// turns route changes into circuit resets and call admission. Started before calls are admitted; stopped after
/// the calls have drained, taking the ASPs down (ASPDN) before the connections close.
/// </summary>
public sealed class SignallingService : IHostedService, IAsyncDisposable
{
    private readonly GatewayConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly EventRateLimiter _limiter;
    private readonly List<M3uaAssociation> _associations = [];
    private readonly List<ConfiguredAssociation> _configured = [];
    private readonly List<IAsyncDisposable> _servers = [];
    private readonly Dictionary<int, DestinationMonitor> _destinations = [];
    private readonly Dictionary<int, M3uaRouteSet> _routes = [];
    private readonly IIsupCallEventSink _calls;
    private IsupExchange? _exchange;

    /// <param name="calls">Where the procedures' call events go: the interworking layer, through a relay.</param>
    private readonly GatewayMetrics _metrics;
    private readonly SignallingWireTap _wireTap;

    public SignallingService(
        GatewayConfiguration configuration, IsupCallEventRelay calls, GatewayMetrics metrics, SignallingWireTap wireTap, TimeProvider time, ILoggerFactory loggers)
    {
        _metrics = metrics;
        _wireTap = wireTap;
        ArgumentNullException.ThrowIfNull(calls);
        _calls = calls;
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        _configuration = configuration;
        _time = time;
        _loggers = loggers;
        _log = loggers.CreateLogger("Gateway.Signalling");
        _limiter = new EventRateLimiter(time, TimeSpan.FromMinutes(1), burst: 10);
    }

    /// <summary>The ISUP procedures; null before start or when no circuit group is configured.</summary>
    public IsupExchange? Exchange => _exchange;

    /// <summary>Each DPC with circuits, and whether calls may go there now.</summary>
    public IReadOnlyDictionary<int, DestinationMonitor> Destinations => _destinations;

    /// <summary>The associations in configuration order; empty before start.</summary>
    public IReadOnlyList<ConfiguredAssociation> Associations => _configured;

    /// <summary>Why a new call toward <paramref name="dpc"/> must be refused now, if it must.</summary>
    public bool TryRefuse(int dpc, out CallRefusal refusal)
    {
        if (_destinations.TryGetValue(dpc, out DestinationMonitor? monitor)) return monitor.TryRefuse(out refusal);
        refusal = new CallRefusal(503, _configuration.Isup.RouteUnavailableCause);
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        IsupOptions isup = _configuration.Isup;
        IReadOnlyList<M3uaAssociationSettings> configured = _configuration.M3ua.Associations;
        if (configured.Count == 0) return Task.CompletedTask;

        var transfer = new IsupTransfer(isup.Opc, (byte)isup.NetworkIndicator, _loggers.CreateLogger("Gateway.Isup"), _limiter, _metrics);
        var exchange = new IsupExchange(IsupExchangeOptionsFactory.Create(isup), new IsupSignalEncodingSink(transfer), _calls,
            new IsupMaintenanceLog(_loggers.CreateLogger("Gateway.Isup"), _limiter), _time);
        transfer.Exchange = exchange;
        _exchange = exchange;

        var byName = new Dictionary<string, (M3uaAssociationSettings Settings, AssociationEvents Events)>(StringComparer.Ordinal);
        foreach (M3uaAssociationSettings settings in configured)
        {
            byName.Add(settings.Name, (settings, new AssociationEvents(this, settings.Name, _loggers.CreateLogger("Gateway.M3ua"),
                new EventRateLimiter(_time, TimeSpan.FromMinutes(1), burst: 10))));
        }

        // The associations are created before any starts, so that the route sets exist when the first event arrives.
        var created = new Dictionary<string, M3uaAssociation>(StringComparer.Ordinal);
        foreach (M3uaAssociationSettings settings in configured)
        {
            var options = new M3uaAssociationOptions
            {
                Management = ManagementOptions(settings, isup),
                RoutingContext = settings.RoutingContext == 0 ? null : settings.RoutingContext,
                TimeProvider = _time,
                WireTap = _wireTap,
            };
            AssociationEvents events = byName[settings.Name].Events;
            M3uaAssociation association = settings.Mode == ConnectMode.Server
                ? M3uaAssociation.CreateServer(options, transfer, events)
                : StartClient(settings, options, transfer, events);
            created.Add(settings.Name, association);
            _associations.Add(association);
            _configured.Add(new ConfiguredAssociation(settings, association));
        }

        foreach (CircuitGroup group in isup.CircuitGroups)
        {
            if (_routes.ContainsKey(group.Dpc)) continue;
            var members = new M3uaAssociation[group.Associations.Count];
            for (int i = 0; i < members.Length; i++) members[i] = created[group.Associations[i]];
            var route = new M3uaRouteSet(group.Dpc, group.RouteMode == RouteMode.Loadshare ? RouteSetMode.Loadshare : RouteSetMode.Failover, members);
            _routes.Add(group.Dpc, route);
            transfer.AddRoute(route);
            _destinations.Add(group.Dpc, new DestinationMonitor(group.Dpc, exchange, isup.RouteUnavailableCause, isup.HoldAnsweredCalls, _time,
                _loggers.CreateLogger("Gateway.Routes")));
            foreach (string name in group.Associations) byName[name].Events.Watch(route);
        }

        foreach (M3uaAssociationSettings settings in configured)
        {
            if (settings.Mode == ConnectMode.Server) _servers.Add(Listen(settings, created[settings.Name]));
            string remote = settings.Mode == ConnectMode.Server ? string.Join(',', settings.Peers) : settings.Remote!.ToString();
            _log.LogInformation("event=association-configured association={Association} transport={Transport} role={Role} mode={Mode} local={Local} remote={Remote} rc={Rc}",
                settings.Name, Word(settings.Transport), Word(settings.Role), Word(settings.Mode), settings.Local?.ToString() ?? "any",
                remote, settings.RoutingContext);
        }

        foreach (var (_, route) in _routes) Refresh(route);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (IAsyncDisposable server in _servers) await server.DisposeAsync().ConfigureAwait(false);
        _servers.Clear();
        foreach (M3uaAssociation association in _associations) await association.DisposeAsync().ConfigureAwait(false);
        _associations.Clear();
        _configured.Clear();
        foreach (var (_, monitor) in _destinations) monitor.Dispose();
    }

    // Every route set an association belongs to is re-judged after each of its events; the lock keeps two threads
    // from telling the monitor an older verdict after a newer one.
    private void Refresh(M3uaRouteSet route)
    {
        lock (route)
        {
            route.Refresh();
            _destinations[route.PointCode].Update(route.Availability, route.CongestionLevel);
        }
    }

    /// <summary>
    /// Throws <see cref="SctpUnavailableException"/> when an association is configured for SCTP and the kernel has none.
    /// Called before the host starts, so that an operator reads why in one line rather than a reconnect error every
    /// few seconds; a link configured for SCTP never falls back to TCP.
    /// </summary>
    public static void EnsureTransportsAvailable(GatewayConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (M3uaAssociationSettings settings in configuration.M3ua.Associations)
        {
            if (settings.Transport == M3uaTransport.Sctp)
            {
                SctpSupport.EnsureAvailable();
                return;
            }
        }
    }

    private static M3uaManagementOptions ManagementOptions(M3uaAssociationSettings settings, IsupOptions isup)
    {
        uint? rc = settings.RoutingContext == 0 ? null : settings.RoutingContext;
        var destinations = new List<DestinationOptions>();
        foreach (CircuitGroup group in isup.CircuitGroups)
        {
            bool reaches = false;
            foreach (string name in group.Associations) reaches |= name == settings.Name;
            bool listed = false;
            foreach (DestinationOptions d in destinations) listed |= d.PointCode == group.Dpc;
            if (reaches && !listed) destinations.Add(new DestinationOptions(group.Dpc, rc));
        }

        return new M3uaManagementOptions
        {
            Role = settings.Role == M3uaRole.Asp ? ManagementRole.Asp
                : settings.Mode == ConnectMode.Client ? ManagementRole.IpspClient : ManagementRole.IpspServer,
            Exchange = settings.DoubleExchange ? ExchangeMode.Double : ExchangeMode.Single,
            NetworkAppearance = settings.NetworkAppearance,
            TrafficMode = settings.TrafficMode switch
            {
                M3uaTrafficModeSetting.Loadshare => TrafficMode.Loadshare,
                M3uaTrafficModeSetting.Broadcast => TrafficMode.Broadcast,
                _ => TrafficMode.Override,
            },
            RoutingContexts = rc is uint context ? [context] : [],
            Destinations = destinations,
            LocalPointCodes = [isup.Opc],
            Timers = ManagementTimerSettings.Default with
            {
                HeartbeatInterval = settings.HeartbeatInterval,
                HeartbeatMissLimit = settings.HeartbeatMisses,
            },
        };
    }

    private static M3uaAssociation StartClient(M3uaAssociationSettings settings, M3uaAssociationOptions options, IsupTransfer transfer, AssociationEvents events)
    {
        IPEndPoint remote = settings.Remote!;
        if (settings.Transport == M3uaTransport.Tcp)
        {
            return M3uaAssociation.StartTcpClient(options, remote, transfer, events, local: settings.Local);
        }

        var remoteEndpoint = new SctpEndpoint([remote.Address, .. settings.AdditionalRemoteAddresses], remote.Port);
        SctpEndpoint? localEndpoint = settings.Local is { } local
            ? new SctpEndpoint([local.Address, .. settings.AdditionalLocalAddresses], local.Port)
            : null;
        return M3uaAssociation.StartSctpClient(options, remoteEndpoint, transfer, events, local: localEndpoint);
    }

    private static IAsyncDisposable Listen(M3uaAssociationSettings settings, M3uaAssociation association)
    {
        IPEndPoint local = settings.Local!;
        if (settings.Transport == M3uaTransport.Tcp)
        {
            var tcp = new M3uaTcpServer(local, settings.Peers, association.TransportReceiver);
            tcp.Start();
            return tcp;
        }

        var sctp = new M3uaSctpServer(new SctpEndpoint([local.Address, .. settings.AdditionalLocalAddresses], local.Port), settings.Peers,
            association.TransportReceiver);
        sctp.Start();
        return sctp;
    }

    private static string Word(M3uaTransport transport) => transport == M3uaTransport.Tcp ? "tcp" : "sctp";

    private static string Word(M3uaRole role) => role == M3uaRole.Asp ? "asp" : "ipsp";

    private static string Word(ConnectMode mode) => mode == ConnectMode.Client ? "client" : "server";

    /// <summary>One association's management events: a log line each (the noisy kinds rate-limited), then its route sets re-judged.</summary>
    private sealed class AssociationEvents(SignallingService owner, string name, ILogger log, EventRateLimiter limiter) : IM3uaAssociationEventSink
    {
        // Backoff caps the attempts at one per 30 s, so each failure is worth its line: it is the only sign of an unreachable peer.
        public void AttemptFailed(in M3uaAttemptFailure failure) =>
            log.LogWarning("event=association-attempt-failed association={Association} attempt={Attempt} next-in-ms={Next} reason=\"{Reason}\"",
                name, failure.Attempt, (long)failure.NextAttemptIn.TotalMilliseconds, failure.Error.Message);

        public void TransportEvent(SctpNotification notification)
        {
            switch (notification)
            {
                case SctpAssociationChange change:
                    log.LogInformation("event=sctp-association-change association={Association} state={State} error={Error} out-streams={Out} in-streams={In}",
                        name, change.State, change.Error, change.OutboundStreams, change.InboundStreams);
                    break;
                case SctpPeerAddressChange path:
                    log.LogWarning("event=sctp-path-change association={Association} address={Address} state={State} error={Error}",
                        name, path.Address?.ToString() ?? "unknown", path.State, path.Error);
                    break;
                case SctpOtherNotification other:
                    log.LogInformation("event=sctp-notification association={Association} type={Type}", name, other.Type);
                    break;
            }
        }

        private readonly List<M3uaRouteSet> _routes = [];
        public void Watch(M3uaRouteSet route) => _routes.Add(route);

        public void Report(in M3uaManagementEvent managementEvent)
        {
            Write(in managementEvent);
            foreach (M3uaRouteSet route in _routes) owner.Refresh(route);
        }

        private void Write(in M3uaManagementEvent managementEvent)
        {
            long suppressed = 0;
            bool noisy = managementEvent.Kind is M3uaManagementEventKind.ErrorReceived or M3uaManagementEventKind.ErrorSent
                or M3uaManagementEventKind.HeartbeatMismatch;
            if (noisy && !limiter.TryAcquire((int)managementEvent.Kind, out suppressed)) return;

            LogLevel level = managementEvent.Severity switch
            {
                ManagementEventSeverity.Alarm => LogLevel.Error,
                ManagementEventSeverity.Warning => LogLevel.Warning,
                _ => LogLevel.Information,
            };
            if (!log.IsEnabled(level)) return;
            if (suppressed > 0)
            {
                log.Log(level, "{Event} association={Association} suppressed={Suppressed}", managementEvent.ToString(), name, suppressed);
            }
            else
            {
                log.Log(level, "{Event} association={Association}", managementEvent.ToString(), name);
            }
        }
    }
}
