namespace Gateway.M3ua;

/// <summary>
/// Why bytes are not an M3UA message we accept, or why a message cannot be laid out: one member per defect, so that
/// logs and tests can tell them apart. <see cref="M3uaErrors.ToErrorCode"/> gives the RFC 4666 Error Code a peer must
/// be sent in ERR for each decode defect; several defects share one code.
/// </summary>
public enum M3uaError : byte
{
    /// <summary>No defect.</summary>
    None = 0,

    /// <summary>Fewer than the 8 octets of the common header. ERR: Protocol Error.</summary>
    Truncated,

    /// <summary>The version octet is not 1, the only release of M3UA. ERR: Invalid Version.</summary>
    InvalidVersion,

    /// <summary>
    /// The header's Message Length is below 8 or is not the number of octets given. On a stream transport the framer
    /// cuts messages by that length (see <see cref="M3uaHeader"/>), so a mismatch here means a bogus message.
    /// ERR: Protocol Error.
    /// </summary>
    MessageLengthMismatch,

    /// <summary>A class M3UA does not use (5–8 and 10 belong to the other adaptation layers). ERR: Unsupported Message Class.</summary>
    UnsupportedMessageClass,

    /// <summary>A type the class does not define. ERR: Unsupported Message Type.</summary>
    UnsupportedMessageType,

    /// <summary>One to three octets are left after the last parameter: not enough for a tag and a length. ERR: Parameter Field Error.</summary>
    ParameterTruncated,

    /// <summary>A parameter length below 4, the size of the tag and length fields it counts. ERR: Parameter Field Error.</summary>
    ParameterLengthTooShort,

    /// <summary>A parameter length runs past the end of the message, or of the parameter that contains it. ERR: Parameter Field Error.</summary>
    ParameterOverrun,

    /// <summary>
    /// A known parameter's value has a length RFC 4666 does not allow for it: not 4 octets for a 32-bit field, not a
    /// multiple of 4 for a list, an INFO String over 255 octets, a Protocol Data without its 12-octet label, more than
    /// one Routing Context in DATA. ERR: Parameter Field Error.
    /// </summary>
    InvalidParameterLength,

    /// <summary>
    /// A value outside what RFC 4666 lists as valid: a congestion level above 3, a service indicator above 15, a
    /// network indicator or message priority above 3. ERR: Invalid Parameter Value.
    /// </summary>
    InvalidParameterValue,

    /// <summary>A Traffic Mode Type other than Override, Loadshare or Broadcast. ERR: Unsupported Traffic Mode Type.</summary>
    UnsupportedTrafficMode,

    /// <summary>A parameter the codec knows, in a message (or group) that does not carry it. ERR: Unexpected Parameter.</summary>
    UnexpectedParameter,

    /// <summary>A parameter that may appear once appears again. ERR: Unexpected Parameter.</summary>
    DuplicateParameter,

    /// <summary>A mandatory parameter is absent. ERR: Missing Parameter.</summary>
    MissingParameter,

    /// <summary>Encode only: the destination buffer is too small.</summary>
    DestinationTooSmall,

    /// <summary>Encode only: a parameter value longer than the 65,531 octets its 16-bit length field can count.</summary>
    ParameterTooLong,
}
