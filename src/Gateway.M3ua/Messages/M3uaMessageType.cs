namespace Gateway.M3ua;

/// <summary>
/// An M3UA message as its class and type octets together: the high octet is the class (<see cref="M3uaMessageClass"/>),
/// the low octet the type within that class (RFC 4666 §3.1.2). One value names a message unambiguously, which the two
/// octets alone do not (type 1 is NTFY, DATA, DUNA, ASPUP, ASPAC or REG REQ depending on the class).
/// </summary>
public enum M3uaMessageType : ushort
{
    /// <summary>Error (MGMT 0).</summary>
    Err = 0x0000,

    /// <summary>Notify (MGMT 1).</summary>
    Ntfy = 0x0001,

    /// <summary>Payload Data (Transfer 1).</summary>
    Data = 0x0101,

    /// <summary>Destination Unavailable (SSNM 1).</summary>
    Duna = 0x0201,

    /// <summary>Destination Available (SSNM 2).</summary>
    Dava = 0x0202,

    /// <summary>Destination State Audit (SSNM 3).</summary>
    Daud = 0x0203,

    /// <summary>Signalling Congestion (SSNM 4).</summary>
    Scon = 0x0204,

    /// <summary>Destination User Part Unavailable (SSNM 5).</summary>
    Dupu = 0x0205,

    /// <summary>Destination Restricted (SSNM 6).</summary>
    Drst = 0x0206,

    /// <summary>ASP Up (ASPSM 1).</summary>
    AspUp = 0x0301,

    /// <summary>ASP Down (ASPSM 2).</summary>
    AspDn = 0x0302,

    /// <summary>Heartbeat (ASPSM 3).</summary>
    Beat = 0x0303,

    /// <summary>ASP Up Acknowledgement (ASPSM 4).</summary>
    AspUpAck = 0x0304,

    /// <summary>ASP Down Acknowledgement (ASPSM 5).</summary>
    AspDnAck = 0x0305,

    /// <summary>Heartbeat Acknowledgement (ASPSM 6).</summary>
    BeatAck = 0x0306,

    /// <summary>ASP Active (ASPTM 1).</summary>
    AspAc = 0x0401,

    /// <summary>ASP Inactive (ASPTM 2).</summary>
    AspIa = 0x0402,

    /// <summary>ASP Active Acknowledgement (ASPTM 3).</summary>
    AspAcAck = 0x0403,

    /// <summary>ASP Inactive Acknowledgement (ASPTM 4).</summary>
    AspIaAck = 0x0404,

    /// <summary>Registration Request (RKM 1).</summary>
    RegReq = 0x0901,

    /// <summary>Registration Response (RKM 2).</summary>
    RegRsp = 0x0902,

    /// <summary>Deregistration Request (RKM 3).</summary>
    DeregReq = 0x0903,

    /// <summary>Deregistration Response (RKM 4).</summary>
    DeregRsp = 0x0904,
}
