namespace Gateway.M3ua.Tests.Conformance;

/// <summary>One row of Vectors/vectors.tsv.</summary>
public sealed record M3uaVector(string Name, byte[] Bytes, string Source, string Notes)
{
    /// <summary>Wireshark could not decode this row.</summary>
    public bool IsMalformed => Notes.Contains("tshark=MALFORMED", StringComparison.Ordinal);

    public override string ToString() => Name;
}
