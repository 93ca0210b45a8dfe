namespace Gateway.M3ua;

/// <summary>What a <see cref="M3uaManagementEvent"/> reports. The comment says which fields it fills.</summary>
public enum M3uaManagementEventKind
{
    /// <summary>Our ASP changed state (<see cref="M3uaManagementEvent.AspStatus"/>).</summary>
    AspStateChanged,

    /// <summary>The peer's ASP, as we acknowledge it, changed state (IPSP server and double exchange).</summary>
    PeerAspStateChanged,

    /// <summary>An AS changed state (<see cref="M3uaManagementEvent.RoutingContext"/>, <see cref="M3uaManagementEvent.AsState"/>).</summary>
    AsStateChanged,

    /// <summary>Traffic may flow for the routing context: the ISUP layer starts its circuit reset toward the destinations now reachable.</summary>
    TrafficStarted,

    /// <summary>Traffic may no longer flow for the routing context.</summary>
    TrafficStopped,

    /// <summary>A destination became reachable (<see cref="M3uaManagementEvent.PointCode"/>): AS active and no DUNA for it.</summary>
    RouteAvailable,

    /// <summary>A destination is reachable through a less preferred route (DRST).</summary>
    RouteRestricted,

    /// <summary>A destination is no longer reachable: DUNA, or its AS stopped carrying traffic.</summary>
    RouteUnavailable,

    /// <summary>SCON for a destination, or its congestion abated (<see cref="M3uaManagementEvent.CongestionLevel"/>; 0 = over).</summary>
    RouteCongested,

    /// <summary>DUPU: a user part at a destination is unavailable (<see cref="M3uaManagementEvent.User"/>, <see cref="M3uaManagementEvent.Cause"/>).</summary>
    UserPartUnavailable,

    /// <summary>Heartbeats went unanswered <see cref="M3uaManagementEvent.Count"/> times: close and reconnect the association.</summary>
    AssociationDead,

    /// <summary>A request (<see cref="M3uaManagementEvent.SignalType"/>) went unacknowledged <see cref="M3uaManagementEvent.Count"/> times.</summary>
    GaveUp,

    /// <summary>The peer sent ERR (<see cref="M3uaManagementEvent.ErrorCode"/>).</summary>
    ErrorReceived,

    /// <summary>We sent ERR (<see cref="M3uaManagementEvent.ErrorCode"/>) about a received <see cref="M3uaManagementEvent.SignalType"/>.</summary>
    ErrorSent,

    /// <summary>The peer sent NTFY (<see cref="M3uaManagementEvent.Status"/>, routing context and ASP identifier when given).</summary>
    NotifyReceived,

    /// <summary>A BEAT ACK did not echo the outstanding BEAT's data; ignored (<see cref="M3uaManagementEvent.Count"/>: mismatches so far).</summary>
    HeartbeatMismatch,

    /// <summary>The peer's traffic mode (<see cref="M3uaManagementEvent.TrafficMode"/>) differs from ours in an ASPAC ACK.</summary>
    TrafficModeMismatch,

    /// <summary>A routing key was registered (<see cref="M3uaManagementEvent.LocalRoutingKeyIdentifier"/>, <see cref="M3uaManagementEvent.RoutingContext"/>).</summary>
    Registered,

    /// <summary>A routing key was refused (<see cref="M3uaManagementEvent.RegistrationStatus"/>).</summary>
    RegistrationRefused,

    /// <summary>The peer took our ASP down (an ASPDN ACK we did not ask for); we bring it back up.</summary>
    ForcedDown,

    /// <summary>The peer made our ASP inactive (an ASPIA ACK we did not ask for, or Alternate ASP Active); <see cref="M3uaManagementEvent.SignalType"/> says which.</summary>
    ForcedInactive,
}
