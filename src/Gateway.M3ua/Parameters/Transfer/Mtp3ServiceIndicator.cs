namespace Gateway.M3ua;

/// <summary>
/// The MTP3 service indicator (Q.704 §14.2.1) Protocol Data carries in its SI field: which user part the message is
/// for. Values without a member (2, 11, 15 spare) are carried as their number.
/// </summary>
public enum Mtp3ServiceIndicator : byte
{
    /// <summary>Signalling network management messages.</summary>
    SignallingNetworkManagement = 0,

    /// <summary>Signalling network testing and maintenance messages.</summary>
    SignallingNetworkTesting = 1,

    /// <summary>SCCP.</summary>
    Sccp = 3,

    /// <summary>Telephone User Part.</summary>
    Tup = 4,

    /// <summary>ISDN User Part: what this gateway carries.</summary>
    Isup = 5,

    /// <summary>Data User Part, call and circuit related messages.</summary>
    DupCallRelated = 6,

    /// <summary>Data User Part, facility registration and cancellation messages.</summary>
    DupFacility = 7,

    /// <summary>MTP testing user part.</summary>
    MtpTesting = 8,

    /// <summary>Broadband ISDN User Part.</summary>
    BroadbandIsup = 9,

    /// <summary>Satellite ISDN User Part.</summary>
    SatelliteIsup = 10,

    /// <summary>AAL type 2 signalling.</summary>
    Aal2Signalling = 12,

    /// <summary>Bearer Independent Call Control.</summary>
    Bicc = 13,

    /// <summary>Gateway Control Protocol.</summary>
    Gcp = 14,
}
