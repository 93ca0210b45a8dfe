namespace Gateway.M3ua;

/// <summary>The congestion levels RFC 4666 §3.4.4 lists as valid in Congestion Indications (those of national MTP3 options).</summary>
public enum M3uaCongestionLevel : byte
{
    /// <summary>No congestion, or undefined (international MTP3 has no levels).</summary>
    None = 0,

    /// <summary>Congestion level 1.</summary>
    Level1 = 1,

    /// <summary>Congestion level 2.</summary>
    Level2 = 2,

    /// <summary>Congestion level 3.</summary>
    Level3 = 3,
}
