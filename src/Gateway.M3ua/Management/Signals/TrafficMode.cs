namespace Gateway.M3ua;

/// <summary>The Traffic Mode Type of ASPAC and ASPAC ACK (RFC 4666 §3.7.1); the values are the wire's.</summary>
public enum TrafficMode : uint
{
    /// <summary>No Traffic Mode Type parameter: the receiver uses the AS's configured mode.</summary>
    None = 0,

    /// <summary>One ASP carries all traffic; activating another displaces it ("Alternate ASP Active").</summary>
    Override = 1,

    /// <summary>Traffic is shared between the active ASPs.</summary>
    Loadshare = 2,

    /// <summary>Every active ASP receives all traffic.</summary>
    Broadcast = 3,
}
