namespace Gateway.Isup;

/// <summary>The end-to-end method indicator of the forward and backward call indicators (Q.763 §3.23 b), 2 bits.</summary>
public enum EndToEndMethod : byte
{
    /// <summary>No end-to-end method available (only link-by-link).</summary>
    None = 0,

    /// <summary>Pass-along method available (national use).</summary>
    PassAlong = 1,

    /// <summary>SCCP method available.</summary>
    Sccp = 2,

    /// <summary>Pass-along and SCCP methods available (national use).</summary>
    PassAlongAndSccp = 3,
}
