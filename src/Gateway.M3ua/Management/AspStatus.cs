namespace Gateway.M3ua;

/// <summary>An ASP's state in RFC 4666 §4.3.1 terms, ours or the peer's as we see it.</summary>
public enum AspStatus
{
    /// <summary>ASP-DOWN: not in service (association down, or ASPUP not yet acknowledged).</summary>
    Down,

    /// <summary>ASP-INACTIVE: up, carrying no traffic.</summary>
    Inactive,

    /// <summary>ASP-ACTIVE: carrying traffic for its routing contexts.</summary>
    Active,
}
