namespace Gateway.M3ua;

/// <summary>Whether a destination can be sent to, as MTP3 would tell its users (RFC 4666 §4.5 maps SSNM onto these).</summary>
public enum DestinationAvailability
{
    /// <summary>Not reachable: DUNA, or no AS that reaches it carries traffic now.</summary>
    Unavailable,

    /// <summary>Reachable through a less preferred route (DRST); traffic may still be sent.</summary>
    Restricted,

    /// <summary>Reachable.</summary>
    Available,
}
