namespace Gateway.M3ua;

/// <summary>The outcome of deregistering one Routing Context (RFC 4666 §3.6.4). Other numbers read as their value.</summary>
public enum M3uaDeregistrationStatus : uint
{
    /// <summary>Successfully deregistered.</summary>
    Success = 0,

    /// <summary>Error: unknown.</summary>
    Unknown = 1,

    /// <summary>Error: invalid Routing Context.</summary>
    InvalidRoutingContext = 2,

    /// <summary>Error: permission denied.</summary>
    PermissionDenied = 3,

    /// <summary>Error: not registered.</summary>
    NotRegistered = 4,

    /// <summary>Error: an ASP is currently active for the Routing Context.</summary>
    AspCurrentlyActive = 5,
}
