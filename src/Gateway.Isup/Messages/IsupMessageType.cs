namespace Gateway.Isup;

/// <summary>
/// ISUP message type codes (ITU-T Q.763 Table 4). The names are Q.763's acronyms; a code not listed here is still
/// carried (as the raw byte) so that the Q.764 §2.9.5 compatibility procedure can act on it.
/// </summary>
public enum IsupMessageType : byte
{
    /// <summary>Initial address.</summary>
    IAM = 0x01,

    /// <summary>Subsequent address.</summary>
    SAM = 0x02,

    /// <summary>Information request (national use).</summary>
    INR = 0x03,

    /// <summary>Information (national use).</summary>
    INF = 0x04,

    /// <summary>Continuity.</summary>
    COT = 0x05,

    /// <summary>Address complete.</summary>
    ACM = 0x06,

    /// <summary>Connect.</summary>
    CON = 0x07,

    /// <summary>Forward transfer.</summary>
    FOT = 0x08,

    /// <summary>Answer.</summary>
    ANM = 0x09,

    /// <summary>Release.</summary>
    REL = 0x0C,

    /// <summary>Suspend.</summary>
    SUS = 0x0D,

    /// <summary>Resume.</summary>
    RES = 0x0E,

    /// <summary>Release complete.</summary>
    RLC = 0x10,

    /// <summary>Continuity check request.</summary>
    CCR = 0x11,

    /// <summary>Reset circuit.</summary>
    RSC = 0x12,

    /// <summary>Blocking.</summary>
    BLO = 0x13,

    /// <summary>Unblocking.</summary>
    UBL = 0x14,

    /// <summary>Blocking acknowledgement.</summary>
    BLA = 0x15,

    /// <summary>Unblocking acknowledgement.</summary>
    UBA = 0x16,

    /// <summary>Circuit group reset.</summary>
    GRS = 0x17,

    /// <summary>Circuit group blocking.</summary>
    CGB = 0x18,

    /// <summary>Circuit group unblocking.</summary>
    CGU = 0x19,

    /// <summary>Circuit group blocking acknowledgement.</summary>
    CGBA = 0x1A,

    /// <summary>Circuit group unblocking acknowledgement.</summary>
    CGUA = 0x1B,

    /// <summary>Facility request.</summary>
    FAR = 0x1F,

    /// <summary>Facility accepted.</summary>
    FAA = 0x20,

    /// <summary>Facility reject.</summary>
    FRJ = 0x21,

    /// <summary>Loop back acknowledgement (national use).</summary>
    LPA = 0x24,

    /// <summary>Pass-along (national use).</summary>
    PAM = 0x28,

    /// <summary>Circuit group reset acknowledgement.</summary>
    GRA = 0x29,

    /// <summary>Circuit group query (national use).</summary>
    CQM = 0x2A,

    /// <summary>Circuit group query response (national use).</summary>
    CQR = 0x2B,

    /// <summary>Call progress.</summary>
    CPG = 0x2C,

    /// <summary>User-to-user information.</summary>
    USR = 0x2D,

    /// <summary>Unequipped CIC (national use).</summary>
    UCIC = 0x2E,

    /// <summary>Confusion.</summary>
    CFN = 0x2F,

    /// <summary>Overload (national use).</summary>
    OLM = 0x30,

    /// <summary>Charge information (national use).</summary>
    CRG = 0x31,

    /// <summary>Network resource management.</summary>
    NRM = 0x32,

    /// <summary>Facility.</summary>
    FAC = 0x33,

    /// <summary>User part test.</summary>
    UPT = 0x34,

    /// <summary>User part available.</summary>
    UPA = 0x35,

    /// <summary>Identification request.</summary>
    IDR = 0x36,

    /// <summary>Identification response.</summary>
    IRS = 0x37,

    /// <summary>Segmentation.</summary>
    SGM = 0x38,

    /// <summary>Loop prevention.</summary>
    LOP = 0x40,

    /// <summary>Application transport.</summary>
    APM = 0x41,

    /// <summary>Pre-release information.</summary>
    PRI = 0x42,

    /// <summary>Subsequent directory number (national use).</summary>
    SDN = 0x43,
}
