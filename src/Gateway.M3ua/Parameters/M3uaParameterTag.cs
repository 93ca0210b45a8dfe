namespace Gateway.M3ua;

/// <summary>
/// Parameter tags (RFC 4666 §3.2): the common ones shared with the other adaptation layers (0x0001–0x00FF) and the
/// M3UA-specific ones (0x0200–0x02FF). Tags RFC 4666 marks "not used in M3UA" or reserved have no member: they are
/// unknown to the codec, which carries them as they came.
/// </summary>
public enum M3uaParameterTag : ushort
{
    /// <summary>INFO String (§3.8.2): 0–255 octets of UTF-8 text.</summary>
    InfoString = 0x0004,

    /// <summary>Routing Context (§3.3.1): one or more 32-bit values.</summary>
    RoutingContext = 0x0006,

    /// <summary>Diagnostic Information (§3.8.1): anything that helps identify an error, usually the offending message.</summary>
    DiagnosticInformation = 0x0007,

    /// <summary>Heartbeat Data (§3.5.5): opaque to the receiver, echoed in BEAT ACK.</summary>
    HeartbeatData = 0x0009,

    /// <summary>Traffic Mode Type (§3.7.1): 1 Override, 2 Loadshare, 3 Broadcast.</summary>
    TrafficModeType = 0x000B,

    /// <summary>Error Code (§3.8.1).</summary>
    ErrorCode = 0x000C,

    /// <summary>Status (§3.8.2): status type and status information, 16 bits each.</summary>
    Status = 0x000D,

    /// <summary>ASP Identifier (§3.5.1).</summary>
    AspIdentifier = 0x0011,

    /// <summary>Affected Point Code (§3.4.1): one or more masked point codes.</summary>
    AffectedPointCode = 0x0012,

    /// <summary>Correlation ID (§3.3.1).</summary>
    CorrelationId = 0x0013,

    /// <summary>Network Appearance (§3.3.1).</summary>
    NetworkAppearance = 0x0200,

    /// <summary>User/Cause (§3.4.5): unavailability cause and MTP3-User identity, 16 bits each.</summary>
    UserCause = 0x0204,

    /// <summary>Congestion Indications (§3.4.4): congestion level in the last octet.</summary>
    CongestionIndications = 0x0205,

    /// <summary>Concerned Destination (§3.4.4): the point code that originated the congested message.</summary>
    ConcernedDestination = 0x0206,

    /// <summary>Routing Key (§3.6.1): a group of parameters.</summary>
    RoutingKey = 0x0207,

    /// <summary>Registration Result (§3.6.2): a group of parameters.</summary>
    RegistrationResult = 0x0208,

    /// <summary>Deregistration Result (§3.6.4): a group of parameters.</summary>
    DeregistrationResult = 0x0209,

    /// <summary>Local-RK-Identifier (§3.6.1), inside a Routing Key or a Registration Result.</summary>
    LocalRoutingKeyIdentifier = 0x020A,

    /// <summary>Destination Point Code (§3.6.1), inside a Routing Key: a masked point code.</summary>
    DestinationPointCode = 0x020B,

    /// <summary>Service Indicators (§3.6.1), inside a Routing Key: one octet per SI.</summary>
    ServiceIndicators = 0x020C,

    /// <summary>Originating Point Code List (§3.6.1), inside a Routing Key: one or more masked point codes.</summary>
    OriginatingPointCodeList = 0x020E,

    /// <summary>Protocol Data (§3.3.1): the MTP3 routing label and service information octet's fields, then the user part's message.</summary>
    ProtocolData = 0x0210,

    /// <summary>Registration Status (§3.6.2), inside a Registration Result.</summary>
    RegistrationStatus = 0x0212,

    /// <summary>Deregistration Status (§3.6.4), inside a Deregistration Result.</summary>
    DeregistrationStatus = 0x0213,
}
