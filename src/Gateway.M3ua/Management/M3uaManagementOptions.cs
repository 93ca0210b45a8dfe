namespace Gateway.M3ua;

/// <summary>
/// How one association's management machines behave: the role and exchange mode, what is activated (routing contexts
/// configured or registered), which destinations are tracked, and the timers. The daemon maps its <c>m3ua</c>
/// configuration onto this; the library does not read configuration itself. Immutable.
/// </summary>
public sealed record M3uaManagementOptions
{
    /// <summary>Our role on the association. Default <see cref="ManagementRole.Asp"/>.</summary>
    public ManagementRole Role { get; init; } = ManagementRole.Asp;

    /// <summary>Single or double exchange; double is for IPSPs only. Default <see cref="ExchangeMode.Single"/>.</summary>
    public ExchangeMode Exchange { get; init; } = ExchangeMode.Single;

    /// <summary>The ASP Identifier we put in ASPUP (and ASPUP ACK); null sends none. Some SGPs require one (ERR 0x0E otherwise).</summary>
    public uint? AspIdentifier { get; init; }

    /// <summary>The network appearance agreed with the peer; null when the network uses none. A received SSNM with another is refused (ERR 0x15).</summary>
    public uint? NetworkAppearance { get; init; }

    /// <summary>The traffic mode we activate with and accept: it must match the peer's configuration for the AS (ERR 0x05 otherwise). Default override.</summary>
    public TrafficMode TrafficMode { get; init; } = TrafficMode.Override;

    /// <summary>
    /// The routing contexts configured on both sides, one per AS. Empty with no <see cref="RoutingKeys"/>: one AS that
    /// the peer knows us by, and ASPAC carries no routing context.
    /// </summary>
    public IReadOnlyList<uint> RoutingContexts { get; init; } = [];

    /// <summary>Routing keys to register with REG REQ after ASPUP ACK (ASP and IPSP client only); each registered key adds the routing context the peer allocates.</summary>
    public IReadOnlyList<RoutingKeyRequest> RoutingKeys { get; init; } = [];

    /// <summary>The remote destinations whose availability is tracked from SSNM and reported to the layers above.</summary>
    public IReadOnlyList<DestinationOptions> Destinations { get; init; } = [];

    /// <summary>Our own point codes: an IPSP answers a peer's DAUD about them with DAVA.</summary>
    public IReadOnlyList<int> LocalPointCodes { get; init; } = [];

    /// <summary>What tells us our AS is active. Default: NTFY for an ASP, the ASPAC ACK for an IPSP.</summary>
    public ActivationNotice ActivationNotice { get; init; } = ActivationNotice.RoleDefault;

    /// <summary>As an IPSP server in single exchange: send NTFY on each AS state change, as an SGP would. Default true (harmless to a peer that ignores it).</summary>
    public bool SendNotify { get; init; } = true;

    /// <summary>
    /// Send ASPAC as soon as ASPUP is acknowledged. Default true. False makes a standby ASP (override mode, backup
    /// gateway): it stays ASP-INACTIVE until <see cref="M3uaManagement.Activate"/> or a takeover.
    /// </summary>
    public bool ActivateOnStart { get; init; } = true;

    /// <summary>
    /// While ASP-INACTIVE, activate when told the AS lacks an active ASP (NTFY AS-PENDING, or Insufficient ASP Resources):
    /// the standby takes over. Default true.
    /// </summary>
    public bool TakeOverWhenPending { get; init; } = true;

    /// <summary>The timers and repeat limits.</summary>
    public ManagementTimerSettings Timers { get; init; } = ManagementTimerSettings.Default;

    /// <summary>Whether our side sends ASPUP and ASPAC (ASP, IPSP client, and either IPSP in double exchange).</summary>
    public bool ActivatesLocally => Role != ManagementRole.IpspServer || Exchange == ExchangeMode.Double;

    /// <summary>Whether our side acknowledges the peer's ASPUP and ASPAC (IPSP server, and either IPSP in double exchange).</summary>
    public bool AcceptsPeer => Role == ManagementRole.IpspServer || Exchange == ExchangeMode.Double;

    /// <summary>Whether traffic waits for NTFY AS-ACTIVE after the ASPAC ACK, with <see cref="ActivationNotice.RoleDefault"/> resolved.</summary>
    public bool AwaitsNotify => ActivationNotice == ActivationNotice.Notify
        || (ActivationNotice == ActivationNotice.RoleDefault && Role == ManagementRole.Asp);

    /// <summary>Every problem with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Timers?.Validate() ?? ["Timers must be set."]);
        if (!Enum.IsDefined(Role))
        {
            errors.Add($"Role {Role} is not a role.");
        }

        if (Exchange == ExchangeMode.Double && Role == ManagementRole.Asp)
        {
            errors.Add("Double exchange is between IPSPs (RFC 4666 §4.3.1); an ASP toward an SGP uses single exchange.");
        }

        if (TrafficMode is not (TrafficMode.Override or TrafficMode.Loadshare or TrafficMode.Broadcast))
        {
            errors.Add($"TrafficMode must be override, loadshare or broadcast; it is {TrafficMode}.");
        }

        if (ActivationNotice == ActivationNotice.Notify && Role == ManagementRole.IpspServer && Exchange == ExchangeMode.Single)
        {
            errors.Add("An IPSP server in single exchange sends the NTFY; it cannot wait for one.");
        }

        var contexts = new HashSet<uint>();
        foreach (uint context in RoutingContexts ?? [])
        {
            if (!contexts.Add(context))
            {
                errors.Add($"Routing context {context} is listed twice.");
            }
        }

        var keys = new HashSet<uint>();
        foreach (RoutingKeyRequest key in RoutingKeys ?? [])
        {
            if (!keys.Add(key.LocalRoutingKeyIdentifier))
            {
                errors.Add($"Local routing key identifier {key.LocalRoutingKeyIdentifier} is listed twice.");
            }

            if (!IsPointCode(key.DestinationPointCode))
            {
                errors.Add($"Routing key {key.LocalRoutingKeyIdentifier}: DPC {key.DestinationPointCode} is not a 24-bit point code.");
            }
        }

        if (keys.Count > 0 && Role == ManagementRole.IpspServer)
        {
            errors.Add("An IPSP server registers no routing keys: registration goes from the ASP (or client IPSP) to its peer.");
        }

        var pointCodes = new HashSet<int>();
        foreach (DestinationOptions destination in Destinations ?? [])
        {
            if (!IsPointCode(destination.PointCode))
            {
                errors.Add($"Destination {destination.PointCode} is not a 24-bit point code.");
            }
            else if (!pointCodes.Add(destination.PointCode))
            {
                errors.Add($"Destination {destination.PointCode} is listed twice.");
            }

            if (destination.RoutingContext is uint context && !contexts.Contains(context))
            {
                errors.Add($"Destination {destination.PointCode} names routing context {context}, which is not configured.");
            }
        }

        foreach (int pointCode in LocalPointCodes ?? [])
        {
            if (!IsPointCode(pointCode))
            {
                errors.Add($"Local point code {pointCode} is not a 24-bit point code.");
            }
        }

        return errors;
    }

    private static bool IsPointCode(int pointCode) => pointCode is >= 0 and <= 0x00FF_FFFF;
}
