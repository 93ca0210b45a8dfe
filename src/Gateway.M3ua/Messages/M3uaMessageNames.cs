namespace Gateway.M3ua;

/// <summary>Names of M3UA message classes and types, for logs, the CLI and exception messages. Constant strings.</summary>
public static class M3uaMessageNames
{
    /// <summary>The acronym RFC 4666 uses (DATA, ASPUP ACK…), or null when M3UA does not define the message.</summary>
    public static string? GetAcronym(M3uaMessageType type) => type switch
    {
        M3uaMessageType.Err => "ERR",
        M3uaMessageType.Ntfy => "NTFY",
        M3uaMessageType.Data => "DATA",
        M3uaMessageType.Duna => "DUNA",
        M3uaMessageType.Dava => "DAVA",
        M3uaMessageType.Daud => "DAUD",
        M3uaMessageType.Scon => "SCON",
        M3uaMessageType.Dupu => "DUPU",
        M3uaMessageType.Drst => "DRST",
        M3uaMessageType.AspUp => "ASPUP",
        M3uaMessageType.AspDn => "ASPDN",
        M3uaMessageType.Beat => "BEAT",
        M3uaMessageType.AspUpAck => "ASPUP ACK",
        M3uaMessageType.AspDnAck => "ASPDN ACK",
        M3uaMessageType.BeatAck => "BEAT ACK",
        M3uaMessageType.AspAc => "ASPAC",
        M3uaMessageType.AspIa => "ASPIA",
        M3uaMessageType.AspAcAck => "ASPAC ACK",
        M3uaMessageType.AspIaAck => "ASPIA ACK",
        M3uaMessageType.RegReq => "REG REQ",
        M3uaMessageType.RegRsp => "REG RSP",
        M3uaMessageType.DeregReq => "DEREG REQ",
        M3uaMessageType.DeregRsp => "DEREG RSP",
        _ => null,
    };

    /// <summary>The message's name in RFC 4666 (Payload Data, ASP Up Acknowledgement…), or "unknown".</summary>
    public static string GetName(M3uaMessageType type) => type switch
    {
        M3uaMessageType.Err => "Error",
        M3uaMessageType.Ntfy => "Notify",
        M3uaMessageType.Data => "Payload Data",
        M3uaMessageType.Duna => "Destination Unavailable",
        M3uaMessageType.Dava => "Destination Available",
        M3uaMessageType.Daud => "Destination State Audit",
        M3uaMessageType.Scon => "Signalling Congestion",
        M3uaMessageType.Dupu => "Destination User Part Unavailable",
        M3uaMessageType.Drst => "Destination Restricted",
        M3uaMessageType.AspUp => "ASP Up",
        M3uaMessageType.AspDn => "ASP Down",
        M3uaMessageType.Beat => "Heartbeat",
        M3uaMessageType.AspUpAck => "ASP Up Acknowledgement",
        M3uaMessageType.AspDnAck => "ASP Down Acknowledgement",
        M3uaMessageType.BeatAck => "Heartbeat Acknowledgement",
        M3uaMessageType.AspAc => "ASP Active",
        M3uaMessageType.AspIa => "ASP Inactive",
        M3uaMessageType.AspAcAck => "ASP Active Acknowledgement",
        M3uaMessageType.AspIaAck => "ASP Inactive Acknowledgement",
        M3uaMessageType.RegReq => "Registration Request",
        M3uaMessageType.RegRsp => "Registration Response",
        M3uaMessageType.DeregReq => "Deregistration Request",
        M3uaMessageType.DeregRsp => "Deregistration Response",
        _ => "unknown",
    };

    /// <summary>The class's name (the abbreviation RFC 4666 uses in its tables), or "unknown".</summary>
    public static string GetClassName(M3uaMessageClass messageClass) => messageClass switch
    {
        M3uaMessageClass.Management => "MGMT",
        M3uaMessageClass.Transfer => "Transfer",
        M3uaMessageClass.SignallingNetworkManagement => "SSNM",
        M3uaMessageClass.AspStateMaintenance => "ASPSM",
        M3uaMessageClass.AspTrafficMaintenance => "ASPTM",
        M3uaMessageClass.RoutingKeyManagement => "RKM",
        _ => "unknown",
    };
}
