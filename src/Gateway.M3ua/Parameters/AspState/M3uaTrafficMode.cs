namespace Gateway.M3ua;

/// <summary>How an Application Server shares traffic among its ASPs (RFC 4666 §3.7.1).</summary>
public enum M3uaTrafficMode : uint
{
    /// <summary>One ASP carries the traffic; activating another takes it over (NTFY Alternate ASP Active to the old one).</summary>
    Override = 1,

    /// <summary>Traffic is shared among the active ASPs.</summary>
    Loadshare = 2,

    /// <summary>Every active ASP gets every message.</summary>
    Broadcast = 3,
}
