namespace Gateway.M3ua;

/// <summary>
/// One M3UA management message as the state machines see it, independent of the wire format: its type and only the
/// parameters the machines act on. The codec's message stays with the codec; the layer that joins codec, transport and
/// machines fills a signal from a received message (the fields that message has) and encodes the signals the machines
/// send (the fields that message takes, per RFC 4666 §3).
/// </summary>
/// <remarks>
/// A value type passed by reference. The memory fields may view the receive buffer: the machines copy what they keep
/// (the peer's heartbeat data, for one), so a received signal need live only for the call it is passed to.
/// </remarks>
public readonly struct M3uaSignal
{
    /// <summary>Which message.</summary>
    public M3uaMessageType Type { get; init; }

    /// <summary>Routing Context: the ASs concerned (ASPAC, ASPIA and their ACKs, NTFY, SSNM, ERR); empty when absent.</summary>
    public ReadOnlyMemory<uint> RoutingContexts { get; init; }

    /// <summary>Traffic Mode Type of ASPAC and ASPAC ACK; <see cref="TrafficMode.None"/> when absent.</summary>
    public TrafficMode TrafficMode { get; init; }

    /// <summary>ASP Identifier of ASPUP, ASPUP ACK and NTFY; null when absent.</summary>
    public uint? AspIdentifier { get; init; }

    /// <summary>Network Appearance of SSNM and ERR; null when absent.</summary>
    public uint? NetworkAppearance { get; init; }

    /// <summary>NTFY: the Status parameter.</summary>
    public NtfyStatus Status { get; init; }

    /// <summary>ERR: the Error Code.</summary>
    public M3uaErrorCode ErrorCode { get; init; }

    /// <summary>BEAT and BEAT ACK: the Heartbeat Data, echoed unchanged in the ACK; empty when absent.</summary>
    public ReadOnlyMemory<byte> HeartbeatData { get; init; }

    /// <summary>SSNM (and ERR): the Affected Point Code entries, each with its mask.</summary>
    public ReadOnlyMemory<PointCodeRange> AffectedPointCodes { get; init; }

    /// <summary>SCON: the Concerned Destination (the node whose traffic meets the congestion); null when absent.</summary>
    public int? ConcernedDestination { get; init; }

    /// <summary>SCON: the congestion level 0 (none) to 3 of Congestion Indications; null when absent (ITU: no levels).</summary>
    public byte? CongestionLevel { get; init; }

    /// <summary>DUPU: the User half of User/Cause, the MTP3 service indicator (ISUP: 5).</summary>
    public ushort User { get; init; }

    /// <summary>DUPU: the Cause half of User/Cause.</summary>
    public UnavailabilityCause Cause { get; init; }

    /// <summary>REG REQ: the routing keys to register.</summary>
    public ReadOnlyMemory<RoutingKeyRequest> RoutingKeys { get; init; }

    /// <summary>REG RSP: one result per routing key.</summary>
    public ReadOnlyMemory<RegistrationOutcome> RegistrationResults { get; init; }

    /// <summary>INFO String, for the log only; null when absent.</summary>
    public string? Info { get; init; }

    /// <summary>A signal with no parameters.</summary>
    public static M3uaSignal Of(M3uaMessageType type) => new() { Type = type };

    /// <summary>ASPUP, with our ASP Identifier when configured.</summary>
    public static M3uaSignal AspUp(uint? aspIdentifier) => new() { Type = M3uaMessageType.AspUp, AspIdentifier = aspIdentifier };

    /// <summary>ASPUP ACK, with our ASP Identifier when configured.</summary>
    public static M3uaSignal AspUpAck(uint? aspIdentifier) => new() { Type = M3uaMessageType.AspUpAck, AspIdentifier = aspIdentifier };

    /// <summary>BEAT or BEAT ACK with <paramref name="data"/>.</summary>
    public static M3uaSignal Heartbeat(M3uaMessageType type, ReadOnlyMemory<byte> data) => new() { Type = type, HeartbeatData = data };

    /// <summary>ASPAC or ASPAC ACK for <paramref name="routingContexts"/> in <paramref name="mode"/>.</summary>
    public static M3uaSignal Traffic(M3uaMessageType type, TrafficMode mode, ReadOnlyMemory<uint> routingContexts) =>
        new() { Type = type, TrafficMode = mode, RoutingContexts = routingContexts };

    /// <summary>NTFY with <paramref name="status"/> for <paramref name="routingContexts"/>.</summary>
    public static M3uaSignal Notify(NtfyStatus status, ReadOnlyMemory<uint> routingContexts, uint? aspIdentifier = null) =>
        new() { Type = M3uaMessageType.Ntfy, Status = status, RoutingContexts = routingContexts, AspIdentifier = aspIdentifier };

    /// <summary>ERR with <paramref name="code"/>, naming the routing contexts or point codes concerned when there are any.</summary>
    public static M3uaSignal Error(
        M3uaErrorCode code,
        ReadOnlyMemory<uint> routingContexts = default,
        ReadOnlyMemory<PointCodeRange> affected = default,
        uint? networkAppearance = null) =>
        new() { Type = M3uaMessageType.Err, ErrorCode = code, RoutingContexts = routingContexts, AffectedPointCodes = affected, NetworkAppearance = networkAppearance };

    /// <summary>An SSNM message (DUNA, DAVA, DAUD, DRST) about <paramref name="affected"/>.</summary>
    public static M3uaSignal Destinations(
        M3uaMessageType type,
        ReadOnlyMemory<PointCodeRange> affected,
        ReadOnlyMemory<uint> routingContexts = default,
        uint? networkAppearance = null) =>
        new() { Type = type, AffectedPointCodes = affected, RoutingContexts = routingContexts, NetworkAppearance = networkAppearance };

    /// <inheritdoc/>
    public override string ToString() => ManagementNames.Of(Type);
}
