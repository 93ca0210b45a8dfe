namespace Gateway.Isup;

/// <summary>The numbering plan indicator of the number parameters (Q.763 §3.9 d), 3 bits.</summary>
public enum NumberingPlan : byte
{
    /// <summary>Spare.</summary>
    Spare = 0,

    /// <summary>ISDN (telephony) numbering plan, E.164.</summary>
    Isdn = 1,

    /// <summary>Data numbering plan, X.121 (national use).</summary>
    Data = 3,

    /// <summary>Telex numbering plan, F.69 (national use).</summary>
    Telex = 4,

    /// <summary>Reserved for national use (private numbering plan in several national variants).</summary>
    National5 = 5,

    /// <summary>Reserved for national use.</summary>
    National6 = 6,
}
