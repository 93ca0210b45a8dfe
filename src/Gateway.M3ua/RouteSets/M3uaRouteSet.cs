namespace Gateway.M3ua;

/// <summary>
/// Several associations that reach one destination point code: a primary and its backups
/// (<see cref="RouteSetMode.Failover"/>) or peers sharing the traffic (<see cref="RouteSetMode.Loadshare"/>). An
/// association is usable for the destination when traffic may flow on it and its management finds the destination
/// reachable. <see cref="Refresh"/> recomputes that (call it from the associations' event sinks: traffic and route
/// events); <see cref="TrySendData"/> sends by the outcome of the last Refresh.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Refresh"/> may run on any thread (each association reports on its own) while
/// <see cref="TrySendData"/> runs on others. Refresh publishes an immutable <see cref="RouteSetSelection"/>; the send
/// path reads it once, takes no lock and allocates nothing. No I/O of its own: it only calls the associations.
/// </remarks>
public sealed class M3uaRouteSet
{
    private readonly M3uaAssociation[] _associations;

    // Whether each association's management tracks the point code: GetRouteStatus throws for one it does not, and the
    // destinations are fixed at creation, so this is decided once.
    private readonly bool[] _tracked;
    private readonly Lock _refreshing = new();
    private RouteSetSelection _selection = RouteSetSelection.None;

    /// <param name="pointCode">The destination point code the associations reach.</param>
    /// <param name="mode">Failover or loadshare.</param>
    /// <param name="associations">The associations, at least one, each once; for Failover in order of preference.</param>
    public M3uaRouteSet(int pointCode, RouteSetMode mode, IReadOnlyList<M3uaAssociation> associations)
    {
        ArgumentNullException.ThrowIfNull(associations);
        if (pointCode is < 0 or > 0x00FF_FFFF) throw new ArgumentOutOfRangeException(nameof(pointCode), pointCode, "A point code has at most 24 bits.");
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a route set mode.");
        if (associations.Count == 0) throw new ArgumentException("A route set needs at least one association.", nameof(associations));

        _associations = new M3uaAssociation[associations.Count];
        _tracked = new bool[associations.Count];
        for (int i = 0; i < _associations.Length; i++)
        {
            M3uaAssociation association = associations[i] ?? throw new ArgumentException($"Association {i} is null.", nameof(associations));
            if (Array.IndexOf(_associations, association, 0, i) >= 0) throw new ArgumentException($"Association {i} is listed twice.", nameof(associations));
            _associations[i] = association;
            _tracked[i] = Tracks(association.Management.Options, pointCode);
        }

        PointCode = pointCode;
        Mode = mode;
        Associations = Array.AsReadOnly(_associations);
    }

    /// <summary>The destination point code.</summary>
    public int PointCode { get; }

    /// <summary>Failover or loadshare.</summary>
    public RouteSetMode Mode { get; }

    /// <summary>The associations, in configured order.</summary>
    public IReadOnlyList<M3uaAssociation> Associations { get; }

    /// <summary>The destination's availability over the route set, as of the last <see cref="Refresh"/>: the best of the usable associations'.</summary>
    public DestinationAvailability Availability => Volatile.Read(ref _selection).Availability;

    /// <summary>
    /// The congestion level toward the destination as of the last <see cref="Refresh"/>: Failover, that of the
    /// association that carries; Loadshare, the lowest among those that carry (traffic can still go where it is lowest).
    /// </summary>
    public byte CongestionLevel => Volatile.Read(ref _selection).CongestionLevel;

    /// <summary>
    /// Recomputes which associations are usable for the destination, and the availability and congestion over the route
    /// set. True when <see cref="Availability"/> or <see cref="CongestionLevel"/> changed: what the layer above acts on
    /// (a changeover between associations alone is not news to ISUP).
    /// </summary>
    public bool Refresh()
    {
        // Serialised: two associations reporting at once must not publish out of order.
        lock (_refreshing)
        {
            RouteSetSelection previous = _selection;
            RouteSetSelection next = Select();
            if (!next.SameAs(previous))
            {
                Volatile.Write(ref _selection, next);
            }

            return next.Availability != previous.Availability || next.CongestionLevel != previous.CongestionLevel;
        }
    }

    /// <summary>
    /// Sends DATA toward the destination on an association chosen by the mode. Failover: the first usable one in order;
    /// Loadshare: the SLS's own association while it is usable, else one of the others, chosen by SLS too. When the
    /// chosen association refuses (it went down since the last Refresh), the next usable one is tried: the message was
    /// not sent, so this is not a retry. Sent DATA is never retried. False when no usable association took it.
    /// </summary>
    public bool TrySendData(in ProtocolDataHeader header, ReadOnlySpan<byte> userData)
    {
        RouteSetSelection selection = Volatile.Read(ref _selection);
        int[] usable = selection.Usable;
        if (usable.Length == 0)
        {
            return false;
        }

        int first = Mode == RouteSetMode.Loadshare ? LoadshareSlot(selection, header.SignallingLinkSelection) : 0;
        for (int n = 0; n < usable.Length; n++)
        {
            int slot = first + n;
            if (slot >= usable.Length)
            {
                slot -= usable.Length;
            }

            if (_associations[usable[slot]].TrySendData(in header, userData))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The slot in <see cref="RouteSetSelection.Usable"/> an SLS goes to. Its home is association SLS mod count, fixed
    /// whatever else is up, so its messages stay on one association (in sequence) while that is usable; when it is not,
    /// the SLS spreads over the preferred ones left, still by SLS, and comes home when the home association is back.
    /// </summary>
    private int LoadshareSlot(RouteSetSelection selection, byte sls)
    {
        int home = selection.HomeSlot[sls % _associations.Length];
        return home >= 0 ? home : sls % selection.PreferredCount;
    }

    private RouteSetSelection Select()
    {
        int count = _associations.Length;
        Span<DestinationAvailability> availability = stackalloc DestinationAvailability[count];
        Span<byte> congestion = stackalloc byte[count];
        DestinationAvailability best = DestinationAvailability.Unavailable;
        for (int i = 0; i < count; i++)
        {
            availability[i] = Status(i, out congestion[i]);
            if (availability[i] > best)
            {
                best = availability[i];
            }
        }

        if (best == DestinationAvailability.Unavailable)
        {
            return RouteSetSelection.None;
        }

        // Preferred (best availability) first, then the restricted ones: a DRST route is used only while nothing better is.
        var usable = new int[count];
        var homeSlot = new int[count];
        int used = 0;
        byte lowest = byte.MaxValue;
        for (int i = 0; i < count; i++)
        {
            homeSlot[i] = -1;
            if (availability[i] == best)
            {
                homeSlot[i] = used;
                usable[used++] = i;
                lowest = Math.Min(lowest, congestion[i]);
            }
        }

        // Failover: what ISUP must throttle for is the association its traffic takes; Loadshare: the least congested one.
        byte level = Mode == RouteSetMode.Failover ? congestion[usable[0]] : lowest;

        int preferred = used;
        for (int i = 0; i < count; i++)
        {
            if (availability[i] != best && availability[i] != DestinationAvailability.Unavailable)
            {
                usable[used++] = i;
            }
        }

        Array.Resize(ref usable, used);
        return new RouteSetSelection(usable, preferred, homeSlot, best, level);
    }

    /// <summary>What association <paramref name="index"/> says about the destination; Unavailable when it cannot carry.</summary>
    private DestinationAvailability Status(int index, out byte congestionLevel)
    {
        congestionLevel = 0;
        M3uaAssociation association = _associations[index];
        if (!association.TrafficMayFlow)
        {
            return DestinationAvailability.Unavailable;
        }

        if (!_tracked[index])
        {
            // Its management hears nothing about this destination (no SSNM is tracked for it), so nothing says it is
            // unreachable: an association that carries traffic is taken to reach it, as MTP3 takes an adjacent route.
            return DestinationAvailability.Available;
        }

        RouteStatus status = association.Management.GetRouteStatus(PointCode);
        if (!status.Reachable)
        {
            return DestinationAvailability.Unavailable;
        }

        congestionLevel = status.CongestionLevel;
        return status.Availability;
    }

    private static bool Tracks(M3uaManagementOptions options, int pointCode)
    {
        foreach (DestinationOptions destination in options.Destinations)
        {
            if (destination.PointCode == pointCode)
            {
                return true;
            }
        }

        return false;
    }
}
