namespace Gateway.M3ua;

/// <summary>
/// An AS's state as this end sees it (RFC 4666 §4.3.2): from the peer's NTFY, or, where the acknowledgements decide
/// (an IPSP, or an SGP that sends no NTFY), from the ASPAC and ASPIA exchanges themselves.
/// </summary>
public enum AsState
{
    /// <summary>AS-DOWN: no ASP of the AS is up, as far as we know (always so while our association is down).</summary>
    Down,

    /// <summary>AS-INACTIVE: an ASP is up, none is active.</summary>
    Inactive,

    /// <summary>AS-ACTIVE: an ASP carries the AS's traffic (ours or, in override and loadshare, perhaps another).</summary>
    Active,

    /// <summary>AS-PENDING: the last active ASP left; the SGP queues traffic for T(r) hoping one returns.</summary>
    Pending,
}
