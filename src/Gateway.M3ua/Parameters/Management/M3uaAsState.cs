namespace Gateway.M3ua;

/// <summary>Status Information for <see cref="M3uaStatusType.AsStateChange"/> (RFC 4666 §3.8.2): the AS's new state.</summary>
public enum M3uaAsState : ushort
{
    /// <summary>Reserved.</summary>
    Reserved = 1,

    /// <summary>AS-INACTIVE: at least one ASP is inactive and none active.</summary>
    Inactive = 2,

    /// <summary>AS-ACTIVE: traffic may flow.</summary>
    Active = 3,

    /// <summary>AS-PENDING: the last active ASP went away; traffic is queued while the recovery timer runs.</summary>
    Pending = 4,
}
