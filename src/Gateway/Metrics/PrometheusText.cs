using System.Globalization;
using System.Text;

namespace Gateway.Metrics;

/// <summary>The lexical rules of the Prometheus text exposition format, version 0.0.4.</summary>
internal static class PrometheusText
{
    public static string Labels(SeriesKey key)
    {
        if (key.Count == 0) return "";
        var text = new StringBuilder("{");
        for (int i = 0; i < key.Count; i++)
        {
            var (name, value) = key[i];
            if (i > 0) text.Append(',');
            text.Append(name).Append("=\"");
            AppendEscaped(text, value, escapeQuote: true);
            text.Append('"');
        }
        return text.Append('}').ToString();
    }

    /// <summary>HELP text escapes backslash and line feed; label values escape the double quote as well.</summary>
    public static void AppendEscaped(StringBuilder text, string value, bool escapeQuote)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '"' when escapeQuote: text.Append("\\\""); break;
                default: text.Append(c); break;
            }
        }
    }

    public static string Value(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Value(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
