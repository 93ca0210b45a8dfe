using System.Globalization;
using System.Text;

namespace Gateway.M3ua;

/// <summary>
/// One event of an association's management: what happened (<see cref="Kind"/>) and the fields that kind fills.
/// <see cref="ToString"/> renders the <c>key=value</c> line the daemon logs, e.g.
/// <c>event=route-unavailable pc=2065</c> or <c>event=error-received code=invalid-routing-context rc=7</c>.
/// </summary>
public readonly struct M3uaManagementEvent
{
    private static readonly string[] Names =
    [
        "asp-state-changed", "peer-asp-state-changed", "as-state-changed", "traffic-started", "traffic-stopped",
        "route-available", "route-restricted", "route-unavailable", "route-congested", "user-part-unavailable",
        "association-dead", "gave-up", "error-received", "error-sent", "notify-received", "heartbeat-mismatch",
        "traffic-mode-mismatch", "registered", "registration-refused", "forced-down", "forced-inactive",
    ];

    /// <summary>Creates an event; every field but the kind is optional.</summary>
    public M3uaManagementEvent(
        M3uaManagementEventKind kind,
        uint? routingContext = null,
        int pointCode = -1,
        M3uaMessageType? signalType = null,
        M3uaErrorCode errorCode = M3uaErrorCode.None,
        NtfyStatus status = NtfyStatus.None,
        AspStatus? aspStatus = null,
        AsState? asState = null,
        int count = 0,
        byte congestionLevel = 0,
        ushort user = 0,
        UnavailabilityCause cause = UnavailabilityCause.Unknown,
        uint? aspIdentifier = null,
        TrafficMode trafficMode = TrafficMode.None,
        uint? localRoutingKeyIdentifier = null,
        M3uaRegistrationStatus? registrationStatus = null)
    {
        Kind = kind;
        RoutingContext = routingContext;
        PointCode = pointCode;
        SignalType = signalType;
        ErrorCode = errorCode;
        Status = status;
        AspStatus = aspStatus;
        AsState = asState;
        Count = count;
        CongestionLevel = congestionLevel;
        User = user;
        Cause = cause;
        AspIdentifier = aspIdentifier;
        TrafficMode = trafficMode;
        LocalRoutingKeyIdentifier = localRoutingKeyIdentifier;
        RegistrationStatus = registrationStatus;
    }

    /// <summary>What happened.</summary>
    public M3uaManagementEventKind Kind { get; }

    /// <summary>The AS concerned; null for the association's only AS when it has no routing context, or when no AS is concerned.</summary>
    public uint? RoutingContext { get; }

    /// <summary>The destination concerned; -1 when none.</summary>
    public int PointCode { get; }

    /// <summary>The message concerned (the one given up, refused with ERR, or that forced a state).</summary>
    public M3uaMessageType? SignalType { get; }

    /// <summary>The error code sent or received.</summary>
    public M3uaErrorCode ErrorCode { get; }

    /// <summary>The NTFY status received.</summary>
    public NtfyStatus Status { get; }

    /// <summary>The ASP state reached.</summary>
    public AspStatus? AspStatus { get; }

    /// <summary>The AS state reached.</summary>
    public AsState? AsState { get; }

    /// <summary>Attempts (given up), misses (dead association) or mismatches (heartbeat) so far.</summary>
    public int Count { get; }

    /// <summary>SCON: the congestion level, 1–3 (1 when the SCON had none), 0 when congestion is over.</summary>
    public byte CongestionLevel { get; }

    /// <summary>DUPU: the unavailable user part (service indicator; ISUP is 5).</summary>
    public ushort User { get; }

    /// <summary>DUPU: why it is unavailable.</summary>
    public UnavailabilityCause Cause { get; }

    /// <summary>NTFY: the ASP concerned, when the peer named it.</summary>
    public uint? AspIdentifier { get; }

    /// <summary>The peer's traffic mode, for a mismatch.</summary>
    public TrafficMode TrafficMode { get; }

    /// <summary>Registration: the routing key concerned.</summary>
    public uint? LocalRoutingKeyIdentifier { get; }

    /// <summary>Registration: the peer's answer.</summary>
    public M3uaRegistrationStatus? RegistrationStatus { get; }

    /// <summary>The event's log word, e.g. <c>route-unavailable</c>.</summary>
    public string Name => Names[(int)Kind];

    /// <summary>How much it matters.</summary>
    public ManagementEventSeverity Severity => Kind switch
    {
        M3uaManagementEventKind.AssociationDead or M3uaManagementEventKind.GaveUp => ManagementEventSeverity.Alarm,
        M3uaManagementEventKind.RouteUnavailable or M3uaManagementEventKind.TrafficStopped or M3uaManagementEventKind.ErrorReceived
            or M3uaManagementEventKind.ErrorSent or M3uaManagementEventKind.HeartbeatMismatch
            or M3uaManagementEventKind.TrafficModeMismatch or M3uaManagementEventKind.RegistrationRefused
            or M3uaManagementEventKind.ForcedDown or M3uaManagementEventKind.ForcedInactive
            or M3uaManagementEventKind.UserPartUnavailable => ManagementEventSeverity.Warning,
        M3uaManagementEventKind.RouteCongested => CongestionLevel > 0 ? ManagementEventSeverity.Warning : ManagementEventSeverity.Information,
        M3uaManagementEventKind.NotifyReceived => Status is NtfyStatus.AspFailure or NtfyStatus.AlternateAspActive
            or NtfyStatus.InsufficientAspResources or NtfyStatus.AsPending
            ? ManagementEventSeverity.Warning
            : ManagementEventSeverity.Information,
        _ => ManagementEventSeverity.Information,
    };

    /// <summary>The <c>key=value</c> log line: the event, then only the fields it has.</summary>
    public override string ToString()
    {
        var line = new StringBuilder(80);
        line.Append("event=").Append(Name);
        if (RoutingContext is uint context)
        {
            line.Append(CultureInfo.InvariantCulture, $" rc={context}");
        }

        if (PointCode >= 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" pc={PointCode}");
        }

        if (SignalType is M3uaMessageType type)
        {
            line.Append(" message=").Append(ManagementNames.Of(type));
        }

        if (ErrorCode != M3uaErrorCode.None || Kind is M3uaManagementEventKind.ErrorReceived or M3uaManagementEventKind.ErrorSent)
        {
            line.Append(" code=").Append(ManagementNames.Of(ErrorCode));
        }

        if (Status != NtfyStatus.None)
        {
            line.Append(" status=").Append(ManagementNames.Of(Status));
        }

        if (AspStatus is AspStatus asp)
        {
            line.Append(" asp=").Append(ManagementNames.Of(asp));
        }

        if (AsState is AsState state)
        {
            line.Append(" as=").Append(ManagementNames.Of(state));
        }

        if (Count > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $" count={Count}");
        }

        if (Kind == M3uaManagementEventKind.RouteCongested)
        {
            line.Append(CultureInfo.InvariantCulture, $" level={CongestionLevel}");
        }

        if (Kind == M3uaManagementEventKind.UserPartUnavailable)
        {
            line.Append(CultureInfo.InvariantCulture, $" user={User}").Append(" cause=").Append(ManagementNames.Of(Cause));
        }

        if (AspIdentifier is uint aspIdentifier)
        {
            line.Append(CultureInfo.InvariantCulture, $" asp_id={aspIdentifier}");
        }

        if (TrafficMode != TrafficMode.None)
        {
            line.Append(" mode=").Append(ManagementNames.Of(TrafficMode));
        }

        if (LocalRoutingKeyIdentifier is uint key)
        {
            line.Append(CultureInfo.InvariantCulture, $" rk={key}");
        }

        if (RegistrationStatus is M3uaRegistrationStatus registration)
        {
            line.Append(" registration=").Append(ManagementNames.Of(registration));
        }

        return line.ToString();
    }
}
