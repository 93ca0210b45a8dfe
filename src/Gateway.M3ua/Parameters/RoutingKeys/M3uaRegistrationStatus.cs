namespace Gateway.M3ua;

/// <summary>The outcome of registering one Routing Key (RFC 4666 §3.6.2). Other numbers read as their value.</summary>
public enum M3uaRegistrationStatus : uint
{
    /// <summary>Successfully registered.</summary>
    Success = 0,

    /// <summary>Error: unknown.</summary>
    Unknown = 1,

    /// <summary>Error: invalid DPC.</summary>
    InvalidDpc = 2,

    /// <summary>Error: invalid Network Appearance.</summary>
    InvalidNetworkAppearance = 3,

    /// <summary>Error: invalid Routing Key.</summary>
    InvalidRoutingKey = 4,

    /// <summary>Error: permission denied.</summary>
    PermissionDenied = 5,

    /// <summary>Error: cannot support unique routing.</summary>
    CannotSupportUniqueRouting = 6,

    /// <summary>Error: Routing Key not currently provisioned.</summary>
    RoutingKeyNotProvisioned = 7,

    /// <summary>Error: insufficient resources.</summary>
    InsufficientResources = 8,

    /// <summary>Error: unsupported RK parameter field.</summary>
    UnsupportedRoutingKeyParameter = 9,

    /// <summary>Error: unsupported or invalid traffic handling mode.</summary>
    UnsupportedTrafficMode = 10,

    /// <summary>Error: Routing Key change refused.</summary>
    RoutingKeyChangeRefused = 11,

    /// <summary>Error: Routing Key already registered.</summary>
    RoutingKeyAlreadyRegistered = 12,
}
