namespace Gateway.M3ua;

/// <summary>The Registration Status of a REG RSP result (RFC 4666 §3.6.2); the values are the wire's.</summary>
public enum KeyRegistrationStatus : uint
{
    /// <summary>Successfully Registered.</summary>
    Success = 0,

    /// <summary>Error - Unknown.</summary>
    Unknown = 1,

    /// <summary>Error - Invalid DPC.</summary>
    InvalidDpc = 2,

    /// <summary>Error - Invalid Network Appearance.</summary>
    InvalidNetworkAppearance = 3,

    /// <summary>Error - Invalid Routing Key.</summary>
    InvalidRoutingKey = 4,

    /// <summary>Error - Permission Denied.</summary>
    PermissionDenied = 5,

    /// <summary>Error - Cannot Support Unique Routing.</summary>
    CannotSupportUniqueRouting = 6,

    /// <summary>Error - Routing Key not Currently Provisioned.</summary>
    RoutingKeyNotProvisioned = 7,

    /// <summary>Error - Insufficient Resources.</summary>
    InsufficientResources = 8,

    /// <summary>Error - Unsupported RK parameter Field.</summary>
    UnsupportedRoutingKeyParameter = 9,

    /// <summary>Error - Unsupported/Invalid Traffic Handling Mode.</summary>
    UnsupportedTrafficMode = 10,

    /// <summary>Error - Routing Key Change Refused.</summary>
    RoutingKeyChangeRefused = 11,

    /// <summary>Error - Routing Key Already Registered.</summary>
    RoutingKeyAlreadyRegistered = 12,
}
