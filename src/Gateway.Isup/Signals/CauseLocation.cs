namespace Gateway.Isup;

/// <summary>The location field of a cause indicators parameter (Q.850 §2.2.3): where the cause was generated.</summary>
public enum CauseLocation : byte
{
    /// <summary>U: the user.</summary>
    User = 0,

    /// <summary>LPN: private network serving the local user.</summary>
    PrivateNetworkLocalUser = 1,

    /// <summary>LN: public network serving the local user.</summary>
    PublicNetworkLocalUser = 2,

    /// <summary>TN: transit network.</summary>
    TransitNetwork = 3,

    /// <summary>RLN: public network serving the remote user.</summary>
    PublicNetworkRemoteUser = 4,

    /// <summary>RPN: private network serving the remote user.</summary>
    PrivateNetworkRemoteUser = 5,

    /// <summary>INTL: international network.</summary>
    InternationalNetwork = 7,

    /// <summary>BI: network beyond the interworking point.</summary>
    BeyondInterworkingPoint = 10,
}
