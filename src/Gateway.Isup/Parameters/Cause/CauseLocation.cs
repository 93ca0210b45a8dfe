namespace Gateway.Isup;

/// <summary>
/// The location field of the cause indicators (Q.850 §2.2.3), 4 bits: which network generated the cause. RFC 8606
/// names the same values U, LPN, LN, TN, RLN, RPN, INTL and BI.
/// </summary>
public enum CauseLocation : byte
{
    /// <summary>User (U).</summary>
    User = 0,

    /// <summary>Private network serving the local user (LPN).</summary>
    PrivateNetworkLocalUser = 1,

    /// <summary>Public network serving the local user (LN).</summary>
    PublicNetworkLocalUser = 2,

    /// <summary>Transit network (TN).</summary>
    TransitNetwork = 3,

    /// <summary>Public network serving the remote user (RLN).</summary>
    PublicNetworkRemoteUser = 4,

    /// <summary>Private network serving the remote user (RPN).</summary>
    PrivateNetworkRemoteUser = 5,

    /// <summary>International network (INTL).</summary>
    InternationalNetwork = 7,

    /// <summary>Network beyond interworking point (BI).</summary>
    BeyondInterworkingPoint = 10,
}
