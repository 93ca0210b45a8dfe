using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>
/// The M3UA management of one association (RFC 4666 §4.3–§4.5): our ASP's bring-up and teardown, the peer's as we
/// acknowledge it, the AS state per routing context, heartbeats, and the availability of the destinations the layers
/// above send to. It speaks <see cref="M3uaSignal"/>s, never bytes: received management messages come in through
/// <see cref="Receive"/>, what it sends goes to <see cref="IM3uaSignalSink"/> (on stream 0), and what the layers above
/// need — traffic may flow, a route changed, the association is dead — goes to <see cref="IM3uaManagementEventSink"/>.
/// Its timers run on the injected <see cref="TimeProvider"/>. DATA is not its business: the association layer asks
/// <see cref="TrafficMayFlow"/> and <see cref="GetRouteStatus"/>.
/// </summary>
/// <remarks>
/// Thread-safe: every member may be called from any thread. One lock serialises received signals, requests from above
/// and timer expiries; under it the state machines fire and record effects, which are delivered after the lock is
/// released, in order, one thread at a time — so a sink may call straight back in.
/// </remarks>
public sealed partial class M3uaManagement : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ManagementPorts _ports;
    private EffectOutbox<ManagementEffect> _outbox = new(16);
    private readonly LocalAsp _local;
    private readonly PeerAsp _peer;
    private readonly ApplicationServer[] _servers;
    private readonly TrackedDestination[] _destinations;
    private readonly RoutingKeyRequest[] _keys;
    private readonly bool[] _selection;
    private readonly ManagementTimerSlot _heartbeatTimer;
    private readonly ManagementTimerSlot _auditTimer;
    private readonly bool _sendsNotify;
    private bool _associationUp;
    private bool _disposed;
    private bool? _operatorIntent;
    private AspStatus _reportedLocal;
    private AspStatus _reportedPeer;

    /// <summary>Creates the management of one association; nothing is sent before <see cref="AssociationUp"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid (<see cref="M3uaManagementOptions.Validate"/>).</exception>
    public M3uaManagement(
        M3uaManagementOptions options,
        IM3uaSignalSink signals,
        IM3uaManagementEventSink events,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(events);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid M3UA management options: " + string.Join(" ", errors), nameof(options));
        }

        Options = options;
        Time = timeProvider ?? TimeProvider.System;
        _ports = new ManagementPorts(signals, events);
        _local = new LocalAsp(this);
        _peer = new PeerAsp(this);
        _keys = [.. options.RoutingKeys];

        var servers = new List<ApplicationServer>();
        foreach (uint context in options.RoutingContexts)
        {
            servers.Add(new ApplicationServer(this, context, key: null));
        }

        foreach (RoutingKeyRequest key in _keys)
        {
            servers.Add(new ApplicationServer(this, routingContext: null, key));
        }

        if (servers.Count == 0)
        {
            // Nothing configured: the one AS the peer has for us, named by no routing context (RFC 4666 §3.7.1).
            servers.Add(new ApplicationServer(this, routingContext: null, key: null));
        }

        _servers = [.. servers];
        _selection = new bool[_servers.Length];
        _destinations = new TrackedDestination[options.Destinations.Count];
        for (int i = 0; i < _destinations.Length; i++)
        {
            _destinations[i] = new TrackedDestination(this, options.Destinations[i]);
        }

        _heartbeatTimer = new ManagementTimerSlot(this, ManagementTimer.Heartbeat);
        _auditTimer = new ManagementTimerSlot(this, ManagementTimer.Audit);
        _sendsNotify = options.Role == ManagementRole.IpspServer && options.Exchange == ExchangeMode.Single && options.SendNotify;
    }

    /// <summary>The options it runs with.</summary>
    public M3uaManagementOptions Options { get; }

    internal TimeProvider Time { get; }

    /// <summary>Whether our ASP is to be active: the operator's last word, else <see cref="M3uaManagementOptions.ActivateOnStart"/>.</summary>
    internal bool WantActive => _operatorIntent ?? Options.ActivateOnStart;

    internal bool HasUsableAs
    {
        get
        {
            foreach (ApplicationServer server in _servers)
            {
                if (server.Usable)
                {
                    return true;
                }
            }

            return false;
        }
    }

    // ---- Entry points: each takes the lock, acts, reconciles, and delivers outside the lock.

    /// <summary>
    /// The transport is connected: heartbeats start, and a side that activates sends ASPUP. Called again while up (after
    /// a give-up or <see cref="Shutdown"/>), it starts the bring-up again.
    /// </summary>
    public void AssociationUp() => Run(static self => self.AssociationUpLocked());

    /// <summary>The transport is gone: everything is down at once, nothing is sent, every timer stops.</summary>
    public void AssociationDown() => Run(static self => self.LoseAssociation());

    /// <summary>A management message from the peer, decoded by the codec (not DATA).</summary>
    public void Receive(in M3uaSignal signal)
    {
        bool deliver;
        lock (_gate)
        {
            if (!_disposed)
            {
                ReceiveLocked(in signal);
                Reconcile();
            }

            deliver = _outbox.ClaimDelivery();
        }

        Deliver(deliver);
    }

    /// <summary>
    /// Activate our ASP (ASPAC) and keep it active across reconnections; for a standby, the operator's switch-over.
    /// No effect on an IPSP server in single exchange: its peer activates.
    /// </summary>
    public void Activate() => Run(static self =>
    {
        self._operatorIntent = true;
        if (self.Options.ActivatesLocally)
        {
            self._local.Fire(AspTrigger.Activate);
        }
    });

    /// <summary>Deactivate our ASP (ASPIA) and keep it inactive, taking over nothing, until <see cref="Activate"/>.</summary>
    public void Deactivate() => Run(static self =>
    {
        self._operatorIntent = false;
        if (self.Options.ActivatesLocally)
        {
            self._local.Fire(AspTrigger.Deactivate);
        }
    });

    /// <summary>
    /// Take our ASP down gracefully (ASPDN, repeated until acknowledged or given up). Heartbeats go on until
    /// <see cref="AssociationDown"/>: close the transport once <see cref="AspStatus"/> is down.
    /// </summary>
    public void Shutdown() => Run(static self =>
    {
        if (self.Options.ActivatesLocally)
        {
            self._local.Fire(AspTrigger.Stop);
        }
    });

    /// <summary>Stops every timer for good and reports nothing more; later calls are ignored.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _local.AckTimer.Dispose();
            _heartbeatTimer.Dispose();
            _auditTimer.Dispose();
            foreach (TrackedDestination destination in _destinations)
            {
                destination.CongestionTimer.Dispose();
            }
        }
    }

    // ---- Queries (snapshots under the lock).

    /// <summary>Our ASP's detailed state (the local machine's leaf).</summary>
    public AspState State
    {
        get
        {
            lock (_gate)
            {
                return _local.State;
            }
        }
    }

    /// <summary>Our ASP's state in RFC 4666 terms.</summary>
    public AspStatus AspStatus
    {
        get
        {
            lock (_gate)
            {
                return _local.Status;
            }
        }
    }

    /// <summary>The peer's ASP as we acknowledge it (always down unless we accept the peer's ASPUP: IPSP server or double exchange).</summary>
    public AspStatus PeerAspStatus
    {
        get
        {
            lock (_gate)
            {
                return _peer.State;
            }
        }
    }

    /// <summary>Whether <see cref="AssociationUp"/> was called and the association has not been lost since.</summary>
    public bool IsAssociationUp
    {
        get
        {
            lock (_gate)
            {
                return _associationUp;
            }
        }
    }

    /// <summary>What we count.</summary>
    public ManagementCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new ManagementCounters(_heartbeatsSent, _heartbeatMismatches, _errorsSent, _errorsReceived);
            }
        }
    }

    /// <summary>The state of the AS with <paramref name="routingContext"/> (null: the AS without one).</summary>
    /// <exception cref="ArgumentException">No such AS on this association.</exception>
    public AsState GetAsState(uint? routingContext)
    {
        lock (_gate)
        {
            return Server(routingContext).State;
        }
    }

    /// <summary>
    /// Whether DATA may flow for <paramref name="routingContext"/> now (its AS active and our end serving it); with
    /// null, whether it may for any AS of the association.
    /// </summary>
    public bool TrafficMayFlow(uint? routingContext = null)
    {
        lock (_gate)
        {
            foreach (ApplicationServer server in _servers)
            {
                if (server.ReportedTraffic && (routingContext is null || server.RoutingContext == routingContext))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The state of the tracked destination <paramref name="pointCode"/>.</summary>
    /// <exception cref="ArgumentException">The point code is not among <see cref="M3uaManagementOptions.Destinations"/>.</exception>
    public RouteStatus GetRouteStatus(int pointCode)
    {
        lock (_gate)
        {
            foreach (TrackedDestination destination in _destinations)
            {
                if (destination.PointCode == pointCode)
                {
                    return destination.ToStatus();
                }
            }
        }

        throw new ArgumentException($"Point code {pointCode} is not a tracked destination.", nameof(pointCode));
    }

    /// <summary>Every tracked destination, in configuration order.</summary>
    public IReadOnlyList<RouteStatus> GetRouteStatuses()
    {
        lock (_gate)
        {
            var statuses = new RouteStatus[_destinations.Length];
            for (int i = 0; i < statuses.Length; i++)
            {
                statuses[i] = _destinations[i].ToStatus();
            }

            return statuses;
        }
    }

    // ---- Effects, under the lock.

    internal void Emit(in M3uaSignal signal) => _outbox.Add(new ManagementEffect(in signal));

    internal void Report(in M3uaManagementEvent managementEvent) => _outbox.Add(new ManagementEffect(in managementEvent));

    internal void SendError(
        M3uaErrorCode code,
        M3uaMessageType concerning,
        ReadOnlyMemory<uint> routingContexts = default,
        ReadOnlyMemory<PointCodeRange> affected = default)
    {
        _errorsSent++;
        Emit(M3uaSignal.Error(code, routingContexts, affected, Options.NetworkAppearance));
        Report(new M3uaManagementEvent(M3uaManagementEventKind.ErrorSent, signalType: concerning, errorCode: code));
    }

    /// <summary>A timer slot's callback, on a timer thread.</summary>
    internal void OnTimerElapsed(ManagementTimerSlot slot)
    {
        bool deliver;
        lock (_gate)
        {
            if (!_disposed && slot.TakeExpiry())
            {
                OnTimer(slot);
                Reconcile();
            }

            deliver = _outbox.ClaimDelivery();
        }

        Deliver(deliver);
    }

    private void Run(Action<M3uaManagement> action)
    {
        bool deliver;
        lock (_gate)
        {
            if (!_disposed)
            {
                action(this);
                Reconcile();
            }

            deliver = _outbox.ClaimDelivery();
        }

        Deliver(deliver);
    }

    private void Deliver(bool deliver)
    {
        if (deliver)
        {
            _outbox.Deliver(_gate, _ports);
        }
    }

    private ApplicationServer Server(uint? routingContext)
    {
        foreach (ApplicationServer server in _servers)
        {
            if (server.RoutingContext == routingContext)
            {
                return server;
            }
        }

        throw new ArgumentException($"No AS with routing context {routingContext?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} on this association.", nameof(routingContext));
    }

    private void AssociationUpLocked()
    {
        if (!_associationUp)
        {
            _associationUp = true;
            ResetAssociationState();
        }

        if (Options.ActivatesLocally)
        {
            _local.Fire(AspTrigger.Start);
        }
    }

    /// <summary>The association is gone (transport lost, or declared dead): every machine down, nothing sent.</summary>
    private void LoseAssociation()
    {
        _associationUp = false;
        _local.Fire(AspTrigger.Lost);
        _peer.Fire(PeerAspTrigger.Lost);
        ResetAssociationState();
    }

    /// <summary>What one association learnt does not carry over to the next: SSNM states, heartbeat bookkeeping.</summary>
    private void ResetAssociationState()
    {
        foreach (TrackedDestination destination in _destinations)
        {
            destination.Reset();
        }

        _outstandingBeat = null;
        _beatMisses = 0;
        _heartbeatTimer.Stop();
    }
}
