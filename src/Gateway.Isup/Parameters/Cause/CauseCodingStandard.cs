namespace Gateway.Isup;

/// <summary>The coding standard of the cause indicators (Q.850 §2.2.2), 2 bits.</summary>
public enum CauseCodingStandard : byte
{
    /// <summary>ITU-T standardized coding, the one an ISUP gateway sends.</summary>
    ItuT = 0,

    /// <summary>ISO/IEC standard.</summary>
    IsoIec = 1,

    /// <summary>National standard.</summary>
    National = 2,

    /// <summary>Standard specific to the identified location.</summary>
    SpecificToLocation = 3,
}
