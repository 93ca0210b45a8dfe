namespace Gateway.M3ua;

/// <summary>
/// The Error Code values of RFC 4666 §3.8.1, as carried in ERR. Codes the RFC marks "not used in M3UA" (0x02, 0x08,
/// 0x0A–0x0C, 0x10, 0x17, 0x18) have no member; a received ERR may still carry them and they read as their number.
/// </summary>
public enum M3uaErrorCode : uint
{
    /// <summary>Not an error code: what <see cref="M3uaErrors.ToErrorCode"/> returns when there is nothing to answer.</summary>
    None = 0x00,

    /// <summary>The version octet is not one the receiver supports.</summary>
    InvalidVersion = 0x01,

    /// <summary>A message class the receiver does not support.</summary>
    UnsupportedMessageClass = 0x03,

    /// <summary>A message type the receiver does not support in that class.</summary>
    UnsupportedMessageType = 0x04,

    /// <summary>ASPAC with a traffic mode the SGP does not support or that conflicts with the AS's.</summary>
    UnsupportedTrafficModeType = 0x05,

    /// <summary>A defined message that is not expected in the current state.</summary>
    UnexpectedMessage = 0x06,

    /// <summary>Any protocol anomaly not covered by a more specific code (a bogus message).</summary>
    ProtocolError = 0x07,

    /// <summary>DATA on stream 0, or a management message on a stream it may not use.</summary>
    InvalidStreamIdentifier = 0x09,

    /// <summary>ASPUP or ASPAC refused for management reasons.</summary>
    RefusedManagementBlocking = 0x0D,

    /// <summary>The SGP needs the ASP Identifier in ASPUP to identify the ASP.</summary>
    AspIdentifierRequired = 0x0E,

    /// <summary>The ASP Identifier is not valid (e.g. already in use).</summary>
    InvalidAspIdentifier = 0x0F,

    /// <summary>A parameter value outside its valid range.</summary>
    InvalidParameterValue = 0x11,

    /// <summary>A parameter with a wrong length field.</summary>
    ParameterFieldError = 0x12,

    /// <summary>A parameter that the message does not carry.</summary>
    UnexpectedParameter = 0x13,

    /// <summary>An SGP cannot or will not report a destination's status (answer to DAUD).</summary>
    DestinationStatusUnknown = 0x14,

    /// <summary>A Network Appearance that is not configured.</summary>
    InvalidNetworkAppearance = 0x15,

    /// <summary>A mandatory parameter, or a conditional one that was needed, is absent.</summary>
    MissingParameter = 0x16,

    /// <summary>A Routing Context that is not configured for this ASP.</summary>
    InvalidRoutingContext = 0x19,

    /// <summary>No AS is configured for this ASP.</summary>
    NoConfiguredAsForAsp = 0x1A,
}
