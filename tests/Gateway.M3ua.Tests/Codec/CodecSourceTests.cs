namespace Gateway.M3ua.Tests.Codec;

/// <summary>
/// The codec runs per message on the signalling path, so its folders use no LINQ, regular expressions or string
/// splitting. The library as a whole keeps the implicit System.Linq using (its management code uses LINQ off the
/// hot path), so this is checked on the codec's sources instead of being removed in the project file.
/// </summary>
public sealed class CodecSourceTests
{
    [Fact]
    public void The_codec_folders_use_no_linq_regex_or_string_splitting()
    {
        string? root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Gateway.sln"))) root = Path.GetDirectoryName(root);
        Assert.NotNull(root);

        string[] forbidden = ["System.Linq", "Regex", ".Split(", ".Select(", ".Where(", ".Any(", ".All(", ".First(", ".FirstOrDefault(", ".Last(",
            ".Single(", ".ToList(", ".OrderBy(", ".Sum(", ".Count()", ".Skip(", ".Take(", ".Concat(", ".Distinct(", ".Aggregate("];
        int files = 0;
        foreach (string folder in (string[])["Codec", "Messages", "Parameters"])
        {
            foreach (string file in Directory.GetFiles(Path.Combine(root!, "src", "Gateway.M3ua", folder), "*.cs", SearchOption.AllDirectories))
            {
                files++;
                string text = File.ReadAllText(file);
                foreach (string token in forbidden) Assert.False(text.Contains(token, StringComparison.Ordinal), $"{file} uses {token}");
            }
        }

        Assert.True(files > 50, $"only {files} codec files found");
    }
}
