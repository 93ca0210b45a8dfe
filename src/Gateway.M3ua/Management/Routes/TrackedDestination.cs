namespace Gateway.M3ua;

/// <summary>One tracked destination of an association: what SSNM said about it, and what was last reported. Under the owner's lock.</summary>
internal sealed class TrackedDestination
{
    public TrackedDestination(M3uaManagement owner, DestinationOptions options)
    {
        PointCode = options.PointCode;
        RoutingContext = options.RoutingContext;
        CongestionTimer = new ManagementTimerSlot(owner, ManagementTimer.Congestion, this);
    }

    public int PointCode { get; }

    /// <summary>The AS that reaches it; null when any AS does.</summary>
    public uint? RoutingContext { get; }

    /// <summary>DUNA / DAVA / DRST, regardless of AS state.</summary>
    public DestinationAvailability Signalled { get; set; } = DestinationAvailability.Available;

    public byte CongestionLevel { get; set; }

    public ushort? UnavailableUser { get; set; }

    public UnavailabilityCause UserCause { get; set; }

    /// <summary>What the layers above were last told; starts unavailable ("prohibited until proven available").</summary>
    public DestinationAvailability Reported { get; set; } = DestinationAvailability.Unavailable;

    /// <summary>The AS reaching it now, as last reconciled.</summary>
    public uint? ReportedRoutingContext { get; set; }

    public ManagementTimerSlot CongestionTimer { get; }

    /// <summary>Whether DAUD should ask about it: anything but plainly available.</summary>
    public bool NeedsAudit => Signalled != DestinationAvailability.Available || CongestionLevel > 0;

    /// <summary>Forgets what SSNM said: a new association starts from "available unless told otherwise".</summary>
    public void Reset()
    {
        Signalled = DestinationAvailability.Available;
        CongestionLevel = 0;
        CongestionTimer.Stop();
        UnavailableUser = null;
        UserCause = UnavailabilityCause.Unknown;
    }

    public RouteStatus ToStatus() =>
        new(PointCode, Reported, Signalled, CongestionLevel, ReportedRoutingContext, UnavailableUser, UserCause);
}
