namespace Gateway.M3ua;

/// <summary>
/// What an <see cref="M3uaRouteSet"/> decided at its last Refresh: which associations carry, in which order. Immutable,
/// so the send path reads it without a lock and Refresh replaces it whole.
/// </summary>
internal sealed class RouteSetSelection
{
    /// <summary>Nothing usable: what a route set starts with ("prohibited until proven available").</summary>
    public static RouteSetSelection None { get; } = new([], 0, [], DestinationAvailability.Unavailable, 0);

    public RouteSetSelection(int[] usable, int preferredCount, int[] homeSlot, DestinationAvailability availability, byte congestionLevel)
    {
        Usable = usable;
        PreferredCount = preferredCount;
        HomeSlot = homeSlot;
        Availability = availability;
        CongestionLevel = congestionLevel;
    }

    /// <summary>
    /// Indices of the usable associations: first those with the best availability, then the restricted ones when some
    /// are available, each group in configured order.
    /// </summary>
    public int[] Usable { get; }

    /// <summary>How many of <see cref="Usable"/>, from the start, have the best availability: the ones that carry.</summary>
    public int PreferredCount { get; }

    /// <summary>
    /// Per association, its position in <see cref="Usable"/> when it is among the preferred ones, else −1: lets Loadshare
    /// check an SLS's home association in constant time.
    /// </summary>
    public int[] HomeSlot { get; }

    public DestinationAvailability Availability { get; }

    public byte CongestionLevel { get; }

    /// <summary>Whether <paramref name="other"/> routes the same way (same associations, same order, same state).</summary>
    public bool SameAs(RouteSetSelection other)
    {
        if (Availability != other.Availability || CongestionLevel != other.CongestionLevel
            || PreferredCount != other.PreferredCount || Usable.Length != other.Usable.Length)
        {
            return false;
        }

        for (int i = 0; i < Usable.Length; i++)
        {
            if (Usable[i] != other.Usable[i])
            {
                return false;
            }
        }

        return true;
    }
}
