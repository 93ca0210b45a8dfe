namespace Gateway.Isup;

/// <summary>Text for <see cref="IsupError"/> values, for logs, the CLI and exception messages.</summary>
public static class IsupErrors
{
    /// <summary>A short description of the defect. Constant strings: nothing is allocated.</summary>
    public static string Describe(IsupError error) => error switch
    {
        IsupError.None => "no error",
        IsupError.Empty => "message too short for its CIC and message type",
        IsupError.Truncated => "message truncated in its fixed part or pointers",
        IsupError.PointerOutOfRange => "pointer out of range",
        IsupError.MandatoryParameterMissing => "mandatory parameter missing",
        IsupError.LengthExceedsMessage => "parameter length exceeds the message",
        IsupError.MissingEndOfOptionalParameters => "missing end of optional parameters",
        IsupError.TrailingData => "unexpected octets after the end of the message",
        IsupError.InvalidParameterLength => "parameter length not allowed by Q.763",
        IsupError.InvalidParameterContent => "malformed parameter content",
        IsupError.ParameterNotAllowed => "parameter not allowed in this message type",
        IsupError.MessageTooLong => "message too long for one-octet pointers or lengths",
        IsupError.DestinationTooSmall => "destination buffer too small",
        IsupError.InvalidCic => "CIC out of range",
        _ => "invalid ISUP message",
    };
}
