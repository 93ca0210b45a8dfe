namespace Gateway.Isup.Tests.Conformance;

/// <summary>One row of Vectors/vectors.tsv.</summary>
public sealed record IsupVector(string Name, byte[] Bytes, string Source, string Notes)
{
    /// <summary>The nmusco rows are application/ISUP bodies; the others start at the CIC.</summary>
    public IsupBodyForm Form => Name.StartsWith("nmusco_", StringComparison.Ordinal) ? IsupBodyForm.ApplicationIsup : IsupBodyForm.Mtp3UserData;

    /// <summary>Wireshark could not decode this row.</summary>
    public bool IsMalformed => Notes.Contains("tshark=MALFORMED", StringComparison.Ordinal);

    public override string ToString() => Name;
}
