namespace Gateway.Isup;

/// <summary>
/// The nature of address indicator of the number parameters (Q.763 §3.9 b), 7 bits. Values without a member
/// (spare, 0x70–0x7E national use) are carried as they are.
/// </summary>
public enum NatureOfAddress : byte
{
    /// <summary>Spare.</summary>
    Spare = 0,

    /// <summary>Subscriber number (national use).</summary>
    SubscriberNumber = 1,

    /// <summary>Unknown (national use).</summary>
    Unknown = 2,

    /// <summary>National (significant) number.</summary>
    NationalNumber = 3,

    /// <summary>International number.</summary>
    InternationalNumber = 4,

    /// <summary>Network-specific number (national use).</summary>
    NetworkSpecificNumber = 5,

    /// <summary>Network routing number in national (significant) number format (national use).</summary>
    NetworkRoutingNumberNational = 6,

    /// <summary>Network routing number in network-specific number format (national use).</summary>
    NetworkRoutingNumberNetworkSpecific = 7,

    /// <summary>Network routing number concatenated with called directory number (national use).</summary>
    NetworkRoutingNumberWithDirectoryNumber = 8,
}
