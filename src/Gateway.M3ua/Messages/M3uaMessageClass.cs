namespace Gateway.M3ua;

/// <summary>
/// The message class octet of the common header (RFC 4666 §3.1.2). Only the classes M3UA uses have members: 5–8 and
/// 10 belong to the other adaptation layers (IUA, M2UA, SUA) and are refused with Unsupported Message Class, as is
/// anything else.
/// </summary>
public enum M3uaMessageClass : byte
{
    /// <summary>Management: ERR and NTFY.</summary>
    Management = 0,

    /// <summary>Transfer: DATA.</summary>
    Transfer = 1,

    /// <summary>SS7 Signalling Network Management: DUNA, DAVA, DAUD, SCON, DUPU, DRST.</summary>
    SignallingNetworkManagement = 2,

    /// <summary>ASP State Maintenance: ASPUP, ASPDN, BEAT and their acknowledgements.</summary>
    AspStateMaintenance = 3,

    /// <summary>ASP Traffic Maintenance: ASPAC, ASPIA and their acknowledgements.</summary>
    AspTrafficMaintenance = 4,

    /// <summary>Routing Key Management: REG REQ/RSP, DEREG REQ/RSP.</summary>
    RoutingKeyManagement = 9,
}
