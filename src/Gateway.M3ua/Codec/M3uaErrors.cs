namespace Gateway.M3ua;

/// <summary>Text for <see cref="M3uaError"/> values and the RFC 4666 Error Code each one calls for.</summary>
public static class M3uaErrors
{
    /// <summary>A short description of the defect. Constant strings: nothing is allocated.</summary>
    public static string Describe(M3uaError error) => error switch
    {
        M3uaError.None => "no error",
        M3uaError.Truncated => "message shorter than the 8-octet common header",
        M3uaError.InvalidVersion => "version is not 1",
        M3uaError.MessageLengthMismatch => "message length field does not match the message",
        M3uaError.UnsupportedMessageClass => "unsupported message class",
        M3uaError.UnsupportedMessageType => "unsupported message type",
        M3uaError.ParameterTruncated => "octets after the last parameter too few for a parameter header",
        M3uaError.ParameterLengthTooShort => "parameter length below 4",
        M3uaError.ParameterOverrun => "parameter length exceeds the message",
        M3uaError.InvalidParameterLength => "parameter length not allowed by RFC 4666",
        M3uaError.InvalidParameterValue => "parameter value not allowed by RFC 4666",
        M3uaError.UnsupportedTrafficMode => "unsupported traffic mode type",
        M3uaError.UnexpectedParameter => "parameter not allowed in this message",
        M3uaError.DuplicateParameter => "parameter repeated",
        M3uaError.MissingParameter => "mandatory parameter missing",
        M3uaError.DestinationTooSmall => "destination buffer too small",
        M3uaError.ParameterTooLong => "parameter value longer than 65531 octets",
        _ => "invalid M3UA message",
    };

    /// <summary>
    /// The Error Code (RFC 4666 §3.8.1) to send in ERR for a decode defect; <see cref="M3uaErrorCode.None"/> for
    /// <see cref="M3uaError.None"/> and the encode-only defects, which no peer caused.
    /// </summary>
    public static M3uaErrorCode ToErrorCode(M3uaError error) => error switch
    {
        M3uaError.Truncated or M3uaError.MessageLengthMismatch => M3uaErrorCode.ProtocolError,
        M3uaError.InvalidVersion => M3uaErrorCode.InvalidVersion,
        M3uaError.UnsupportedMessageClass => M3uaErrorCode.UnsupportedMessageClass,
        M3uaError.UnsupportedMessageType => M3uaErrorCode.UnsupportedMessageType,
        M3uaError.ParameterTruncated or M3uaError.ParameterLengthTooShort or M3uaError.ParameterOverrun
            or M3uaError.InvalidParameterLength => M3uaErrorCode.ParameterFieldError,
        M3uaError.InvalidParameterValue => M3uaErrorCode.InvalidParameterValue,
        M3uaError.UnsupportedTrafficMode => M3uaErrorCode.UnsupportedTrafficModeType,
        M3uaError.UnexpectedParameter or M3uaError.DuplicateParameter => M3uaErrorCode.UnexpectedParameter,
        M3uaError.MissingParameter => M3uaErrorCode.MissingParameter,
        _ => M3uaErrorCode.None,
    };
}
