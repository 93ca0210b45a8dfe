using Gateway.Configuration;
using Gateway.Isup;

namespace Gateway.Tests.Configuration;

/// <summary>docs/configuration.md states each ISUP timer's range and default as the reader applies them.</summary>
public sealed class IsupConfigurationDocumentTests
{
    [Fact]
    public void The_timer_table_matches_the_limits_and_defaults()
    {
        var rows = File.ReadAllLines(DocumentPath("configuration.md"));
        foreach (var limit in IsupTimerLimit.All)
        {
            // A row is "| `t12Seconds` / `t13Seconds` | 15–60 / 300–900 | 15 / 300 | meaning |" or the same with one timer.
            string? row = rows.SingleOrDefault(r => r.StartsWith("| `t", StringComparison.Ordinal) && r.Contains($"`{limit.Key}`", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/configuration.md has no row for {limit.Key}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            int index = Array.IndexOf(cells[1].Split(" / "), $"`{limit.Key}`");
            string range = (limit.MayBeOff ? "0 or " : "") + $"{limit.MinSeconds}–{limit.MaxSeconds}";
            string seconds = IsupTimerSettings.Default.Duration(limit.Timer).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((range, seconds), (cells[2].Split(" / ")[index], cells[3].Split(" / ")[index]));
        }
    }

    [Theory]
    [InlineData("circuitGroups[].unequippedCics")]
    [InlineData("circuitGroups[].selection")]
    [InlineData("circuitGroups[].preferControlledCircuits")]
    [InlineData("unequippedCicPolicy")]
    [InlineData("maxRepeatAttempts")]
    [InlineData("causeLocation")]
    [InlineData("timers")]
    public void Every_isup_key_has_a_row(string key)
    {
        Assert.Contains(File.ReadAllLines(DocumentPath("configuration.md")), r => r.StartsWith($"| `{key}` |", StringComparison.Ordinal));
    }

    /// <summary>Walks up from the test binaries to the repository root (the folder holding Gateway.sln).</summary>
    private static string DocumentPath(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gateway.sln"))) return Path.Combine(folder.FullName, "docs", name);
        }
        throw new InvalidOperationException($"No Gateway.sln above {AppContext.BaseDirectory}.");
    }
}
