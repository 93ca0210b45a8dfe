namespace Gateway.M3ua;

/// <summary>Names of <see cref="M3uaErrorCode"/> values as RFC 4666 §3.8.1 gives them. Constant strings.</summary>
public static class M3uaErrorCodes
{
    /// <summary>The code's name, or "unknown" for a number RFC 4666 does not assign in M3UA.</summary>
    public static string GetName(M3uaErrorCode code) => code switch
    {
        M3uaErrorCode.InvalidVersion => "Invalid Version",
        M3uaErrorCode.UnsupportedMessageClass => "Unsupported Message Class",
        M3uaErrorCode.UnsupportedMessageType => "Unsupported Message Type",
        M3uaErrorCode.UnsupportedTrafficModeType => "Unsupported Traffic Mode Type",
        M3uaErrorCode.UnexpectedMessage => "Unexpected Message",
        M3uaErrorCode.ProtocolError => "Protocol Error",
        M3uaErrorCode.InvalidStreamIdentifier => "Invalid Stream Identifier",
        M3uaErrorCode.RefusedManagementBlocking => "Refused - Management Blocking",
        M3uaErrorCode.AspIdentifierRequired => "ASP Identifier Required",
        M3uaErrorCode.InvalidAspIdentifier => "Invalid ASP Identifier",
        M3uaErrorCode.InvalidParameterValue => "Invalid Parameter Value",
        M3uaErrorCode.ParameterFieldError => "Parameter Field Error",
        M3uaErrorCode.UnexpectedParameter => "Unexpected Parameter",
        M3uaErrorCode.DestinationStatusUnknown => "Destination Status Unknown",
        M3uaErrorCode.InvalidNetworkAppearance => "Invalid Network Appearance",
        M3uaErrorCode.MissingParameter => "Missing Parameter",
        M3uaErrorCode.InvalidRoutingContext => "Invalid Routing Context",
        M3uaErrorCode.NoConfiguredAsForAsp => "No Configured AS for ASP",
        _ => "unknown",
    };
}
