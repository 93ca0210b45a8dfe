namespace Gateway.M3ua;

/// <summary>
/// One Routing Key of a REG REQ (RFC 4666 §3.6.1), with the fields an ISUP ASP registers: traffic toward our point
/// code(s) for the given service indicators. The SGP answers with the routing context it allocated.
/// </summary>
/// <param name="LocalRoutingKeyIdentifier">Our own tag for the key: the REG RSP result names it, so results match requests.</param>
/// <param name="DestinationPointCode">The DPC of the traffic the key routes to us: our own point code.</param>
/// <param name="ServiceIndicators">The service indicators the key selects (ISUP: 5); empty for all.</param>
/// <param name="TrafficMode">The traffic mode asked for; <see cref="TrafficMode.None"/> leaves it to the SGP.</param>
/// <param name="RoutingContext">A routing context to ask for; null lets the SGP allocate one.</param>
/// <param name="NetworkAppearance">The network appearance the key belongs to, when the network uses them.</param>
public sealed record RoutingKeyRequest(
    uint LocalRoutingKeyIdentifier,
    int DestinationPointCode,
    IReadOnlyList<byte> ServiceIndicators,
    TrafficMode TrafficMode = TrafficMode.None,
    uint? RoutingContext = null,
    uint? NetworkAppearance = null);
