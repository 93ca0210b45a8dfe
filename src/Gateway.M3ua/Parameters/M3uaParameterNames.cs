namespace Gateway.M3ua;

/// <summary>Names of M3UA parameters, for logs, the CLI and exception messages. Constant strings.</summary>
public static class M3uaParameterNames
{
    /// <summary>The parameter's name in RFC 4666, or "unknown" for a tag the codec does not know.</summary>
    public static string GetName(M3uaParameterTag tag) => tag switch
    {
        M3uaParameterTag.InfoString => "INFO String",
        M3uaParameterTag.RoutingContext => "Routing Context",
        M3uaParameterTag.DiagnosticInformation => "Diagnostic Information",
        M3uaParameterTag.HeartbeatData => "Heartbeat Data",
        M3uaParameterTag.TrafficModeType => "Traffic Mode Type",
        M3uaParameterTag.ErrorCode => "Error Code",
        M3uaParameterTag.Status => "Status",
        M3uaParameterTag.AspIdentifier => "ASP Identifier",
        M3uaParameterTag.AffectedPointCode => "Affected Point Code",
        M3uaParameterTag.CorrelationId => "Correlation ID",
        M3uaParameterTag.NetworkAppearance => "Network Appearance",
        M3uaParameterTag.UserCause => "User/Cause",
        M3uaParameterTag.CongestionIndications => "Congestion Indications",
        M3uaParameterTag.ConcernedDestination => "Concerned Destination",
        M3uaParameterTag.RoutingKey => "Routing Key",
        M3uaParameterTag.RegistrationResult => "Registration Result",
        M3uaParameterTag.DeregistrationResult => "Deregistration Result",
        M3uaParameterTag.LocalRoutingKeyIdentifier => "Local-RK-Identifier",
        M3uaParameterTag.DestinationPointCode => "Destination Point Code",
        M3uaParameterTag.ServiceIndicators => "Service Indicators",
        M3uaParameterTag.OriginatingPointCodeList => "Originating Point Code List",
        M3uaParameterTag.ProtocolData => "Protocol Data",
        M3uaParameterTag.RegistrationStatus => "Registration Status",
        M3uaParameterTag.DeregistrationStatus => "Deregistration Status",
        _ => "unknown",
    };

    /// <summary>Whether the codec knows <paramref name="tag"/> (and so checks it); unknown tags are carried raw.</summary>
    public static bool IsKnown(M3uaParameterTag tag) => M3uaParameterRules.IndexOf((ushort)tag) >= 0;
}
