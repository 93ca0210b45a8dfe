namespace Gateway.M3ua;

/// <summary>
/// The Error Code of an ERR message (RFC 4666 §3.8.1), as the state machines send and read it. The values are the
/// wire's. Codes the RFC lists as not used by M3UA have no member; a received ERR may still carry one and it is
/// reported by its number.
/// </summary>
public enum ManagementErrorCode : uint
{
    /// <summary>No error code: an ERR without one, or nothing to answer.</summary>
    None = 0x00,

    /// <summary>Invalid Version.</summary>
    InvalidVersion = 0x01,

    /// <summary>Unsupported Message Class.</summary>
    UnsupportedMessageClass = 0x03,

    /// <summary>Unsupported Message Type.</summary>
    UnsupportedMessageType = 0x04,

    /// <summary>Unsupported Traffic Mode Type: an ASPAC whose mode does not match the AS's.</summary>
    UnsupportedTrafficModeType = 0x05,

    /// <summary>Unexpected Message: a known message the receiver does not expect in its state.</summary>
    UnexpectedMessage = 0x06,

    /// <summary>Protocol Error.</summary>
    ProtocolError = 0x07,

    /// <summary>Invalid Stream Identifier.</summary>
    InvalidStreamIdentifier = 0x09,

    /// <summary>Refused - Management Blocking: ASPUP or ASPAC refused by configuration.</summary>
    RefusedManagementBlocking = 0x0D,

    /// <summary>ASP Identifier Required: the SGP needs one in ASPUP.</summary>
    AspIdentifierRequired = 0x0E,

    /// <summary>Invalid ASP Identifier.</summary>
    InvalidAspIdentifier = 0x0F,

    /// <summary>Invalid Parameter Value.</summary>
    InvalidParameterValue = 0x11,

    /// <summary>Parameter Field Error.</summary>
    ParameterFieldError = 0x12,

    /// <summary>Unexpected Parameter.</summary>
    UnexpectedParameter = 0x13,

    /// <summary>Destination Status Unknown: a DAUD asked about a destination whose state is not known here.</summary>
    DestinationStatusUnknown = 0x14,

    /// <summary>Invalid Network Appearance.</summary>
    InvalidNetworkAppearance = 0x15,

    /// <summary>Missing Parameter.</summary>
    MissingParameter = 0x16,

    /// <summary>Invalid Routing Context: a routing context not configured for this association.</summary>
    InvalidRoutingContext = 0x19,

    /// <summary>No Configured AS for ASP: an ASPAC without routing context that cannot be matched to one AS.</summary>
    NoConfiguredAsForAsp = 0x1A,
}
