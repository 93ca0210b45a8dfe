namespace Gateway.M3ua;

/// <summary>A snapshot of one tracked destination.</summary>
/// <param name="PointCode">The destination point code.</param>
/// <param name="Availability">What the layers above act on: <see cref="DestinationAvailability.Unavailable"/> unless an AS that reaches it carries traffic.</param>
/// <param name="Signalled">What SSNM last said (DUNA, DAVA, DRST), whatever the AS state; Available until told otherwise.</param>
/// <param name="CongestionLevel">The congestion level from the last SCON, 0 when none or abated.</param>
/// <param name="RoutingContext">The AS whose traffic reaches it now, to put in DATA; null when none does, or when it has no routing context.</param>
/// <param name="UnavailableUser">The user part the last DUPU named (ISUP: 5); null when none since DAVA, DUNA or the association came up.</param>
/// <param name="UserCause">Why that user part is unavailable.</param>
public readonly record struct RouteStatus(
    int PointCode,
    DestinationAvailability Availability,
    DestinationAvailability Signalled,
    byte CongestionLevel,
    uint? RoutingContext,
    ushort? UnavailableUser,
    UnavailabilityCause UserCause)
{
    /// <summary>Whether traffic may be sent to it now (available or restricted).</summary>
    public bool Reachable => Availability != DestinationAvailability.Unavailable;
}
