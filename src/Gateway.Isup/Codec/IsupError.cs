namespace Gateway.Isup;

/// <summary>
/// Why bytes are not an ISUP message we can carry, or why a message cannot be laid out: one member per defect so
/// that the compatibility and confusion procedures (Q.764 §2.9.5) and the logs can tell them apart.
/// </summary>
public enum IsupError : byte
{
    /// <summary>No defect.</summary>
    None = 0,

    /// <summary>No octet at all, or not even the CIC and the message type.</summary>
    Empty,

    /// <summary>The message ends inside its mandatory fixed part or its pointer octets.</summary>
    Truncated,

    /// <summary>
    /// A pointer leads outside the message, into the pointer octets themselves, or back into a parameter already
    /// read (Q.763 §1.7: pointers count forward from their own octet to the parameter they designate).
    /// </summary>
    PointerOutOfRange,

    /// <summary>
    /// A mandatory parameter is absent: a mandatory variable pointer of 0 on decode, or a message value lacking a
    /// parameter its format requires on encode.
    /// </summary>
    MandatoryParameterMissing,

    /// <summary>A length indicator runs past the end of the message.</summary>
    LengthExceedsMessage,

    /// <summary>The optional part does not end with the end-of-optional-parameters octet (Q.763 §3.20).</summary>
    MissingEndOfOptionalParameters,

    /// <summary>Octets follow the end of the message as its format defines it.</summary>
    TrailingData,

    /// <summary>A known parameter has a length Q.763 does not allow for it (e.g. 3 octets of forward call indicators).</summary>
    InvalidParameterLength,

    /// <summary>
    /// A known parameter's own structure is broken: an odd digit count with no digit octet, an extension chain that
    /// runs past the parameter's end, a cause without its cause value octet.
    /// </summary>
    InvalidParameterContent,

    /// <summary>
    /// Encode only: a parameter marked mandatory that the message type's format does not list, or an optional
    /// parameter for a message type that has no optional part.
    /// </summary>
    ParameterNotAllowed,

    /// <summary>Encode only: a pointer or length would exceed 255, the most one octet can express.</summary>
    MessageTooLong,

    /// <summary>Encode only: the destination buffer is too small.</summary>
    DestinationTooSmall,

    /// <summary>Encode only: a CIC outside 0–4095 or spare bits outside 0–15.</summary>
    InvalidCic,
}
