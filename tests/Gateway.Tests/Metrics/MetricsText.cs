namespace Gateway.Tests.Metrics;

/// <summary>Reads one sample out of an exposition, for tests about one value rather than the whole text.</summary>
internal static class MetricsText
{
    public static string? Sample(string exposition, string series)
    {
        foreach (string line in exposition.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal)) return line[(series.Length + 1)..];
        }
        return null;
    }
}
