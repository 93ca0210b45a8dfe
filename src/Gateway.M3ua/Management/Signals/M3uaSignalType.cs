namespace Gateway.M3ua;

/// <summary>
/// The management messages the state machines send and receive (RFC 4666 §3.1.2), named by class and type together:
/// the high octet is the message class, the low octet the type within it. The values are the wire's two octets, so the
/// layer that joins the codec to these machines converts by a cast, never by a table. DATA (class 1) is absent: payload
/// is not the machines' business.
/// </summary>
public enum M3uaSignalType : ushort
{
    /// <summary>MGMT ERR: the peer reports an error in something we sent.</summary>
    Err = 0x0000,

    /// <summary>MGMT NTFY: AS state changes and other ASP events.</summary>
    Ntfy = 0x0001,

    /// <summary>SSNM DUNA: destinations unavailable.</summary>
    Duna = 0x0201,

    /// <summary>SSNM DAVA: destinations available.</summary>
    Dava = 0x0202,

    /// <summary>SSNM DAUD: audit of destination states (ASP to SGP; between IPSPs either way).</summary>
    Daud = 0x0203,

    /// <summary>SSNM SCON: signalling congestion toward destinations.</summary>
    Scon = 0x0204,

    /// <summary>SSNM DUPU: a user part at a destination is unavailable.</summary>
    Dupu = 0x0205,

    /// <summary>SSNM DRST: destinations restricted.</summary>
    Drst = 0x0206,

    /// <summary>ASPSM ASPUP.</summary>
    AspUp = 0x0301,

    /// <summary>ASPSM ASPDN.</summary>
    AspDn = 0x0302,

    /// <summary>ASPSM BEAT.</summary>
    Beat = 0x0303,

    /// <summary>ASPSM ASPUP ACK.</summary>
    AspUpAck = 0x0304,

    /// <summary>ASPSM ASPDN ACK.</summary>
    AspDnAck = 0x0305,

    /// <summary>ASPSM BEAT ACK.</summary>
    BeatAck = 0x0306,

    /// <summary>ASPTM ASPAC.</summary>
    AspAc = 0x0401,

    /// <summary>ASPTM ASPIA.</summary>
    AspIa = 0x0402,

    /// <summary>ASPTM ASPAC ACK.</summary>
    AspAcAck = 0x0403,

    /// <summary>ASPTM ASPIA ACK.</summary>
    AspIaAck = 0x0404,

    /// <summary>RKM REG REQ: register routing keys.</summary>
    RegReq = 0x0901,

    /// <summary>RKM REG RSP.</summary>
    RegRsp = 0x0902,

    /// <summary>RKM DEREG REQ: never sent by these machines; received, it is answered as unexpected.</summary>
    DeregReq = 0x0903,

    /// <summary>RKM DEREG RSP: never expected, since these machines send no DEREG REQ.</summary>
    DeregRsp = 0x0904,
}
