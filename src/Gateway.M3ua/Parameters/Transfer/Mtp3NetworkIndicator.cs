namespace Gateway.M3ua;

/// <summary>
/// The MTP3 network indicator (Q.704 §14.2.2) in Protocol Data's NI field. It must be what the SG and the far end
/// expect: a mismatch (national against international) is a classic silent failure.
/// </summary>
public enum Mtp3NetworkIndicator : byte
{
    /// <summary>International network.</summary>
    International = 0,

    /// <summary>Spare (for international use only).</summary>
    InternationalSpare = 1,

    /// <summary>National network.</summary>
    National = 2,

    /// <summary>Reserved for national use.</summary>
    NationalReserved = 3,
}
