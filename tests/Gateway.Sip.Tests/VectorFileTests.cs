using System.Security.Cryptography;

namespace Gateway.Sip.Tests;

/// <summary>The copies are the vectors their manifests describe, byte for byte.</summary>
public sealed class VectorFileTests
{
    [Theory]
    [InlineData("torture", 49)]
    [InlineData("calls", 3)]
    public void Every_vector_matches_its_manifest_size_and_hash(string folder, int count)
    {
        var rows = VectorFiles.Manifest(folder);
        Assert.Equal(count, rows.Count);
        foreach (var row in rows)
        {
            byte[] bytes = VectorFiles.Read(folder, row["file"]);
            Assert.Equal(int.Parse(row["bytes"]), bytes.Length);
            Assert.Equal(row["sha256"], Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }
}
