namespace Gateway.M3ua;

/// <summary>
/// A remote signalling point the layers above send to, whose availability these machines track from SSNM.
/// </summary>
/// <param name="PointCode">The destination point code, right-aligned.</param>
/// <param name="RoutingContext">
/// The AS whose traffic reaches it; null when any AS of the association does (one AS, or routing contexts the SGP
/// allocates at registration).
/// </param>
public sealed record DestinationOptions(int PointCode, uint? RoutingContext = null);
