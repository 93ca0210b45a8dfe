namespace Gateway.Isup;

/// <summary>The ISDN user part preference indicator of the forward call indicators (Q.763 §3.23 f), 2 bits.</summary>
public enum IsupPreference : byte
{
    /// <summary>ISDN user part preferred all the way.</summary>
    PreferredAllTheWay = 0,

    /// <summary>ISDN user part not required all the way (what a SIP-originated call normally says).</summary>
    NotRequiredAllTheWay = 1,

    /// <summary>ISDN user part required all the way.</summary>
    RequiredAllTheWay = 2,

    /// <summary>Spare.</summary>
    Spare = 3,
}
