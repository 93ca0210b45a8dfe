using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.M3ua.Tests.Conformance;

/// <summary>
/// The facts a Wireshark text decode (tshark -V) states about one M3UA message, pulled out line by line: the header
/// fields, then each parameter Wireshark dissected — its heading, tag, length, and the labelled fields under it —
/// in wire order.
/// </summary>
public sealed partial class WiresharkM3uaDecode
{
    public WiresharkM3uaDecode(string[] lines)
    {
        Parameter? current = null;
        string? heading = null;
        bool inM3ua = false;
        foreach (string raw in lines)
        {
            if (raw.StartsWith('#') || raw.Length == 0) continue;
            int indent = raw.Length - raw.TrimStart().Length;
            string line = raw.Trim();

            // Only the M3UA layer: the user part's own layer (SCCP here) follows at indentation 0.
            if (indent == 0)
            {
                inM3ua = line == "MTP 3 User Adaptation Layer";
                continue;
            }

            if (!inM3ua) continue;
            if (indent == 4)
            {
                if (line.StartsWith("Version: ", StringComparison.Ordinal)) Version = (int)Trailing(line);
                else if (line.StartsWith("Message class: ", StringComparison.Ordinal)) MessageClass = (int)Trailing(line);
                else if (line.StartsWith("Message Type: ", StringComparison.Ordinal)) MessageType = (int)Trailing(line);
                else if (line.StartsWith("Message length: ", StringComparison.Ordinal)) MessageLength = int.Parse(line["Message length: ".Length..], CultureInfo.InvariantCulture);
                else heading = line;
                continue;
            }

            if (indent != 8 || heading is null) continue;
            if (line.StartsWith("Parameter Tag: ", StringComparison.Ordinal))
            {
                current = new Parameter(heading, (int)Trailing(line));
                Parameters.Add(current);
            }
            else if (current is not null && line.StartsWith("Parameter length: ", StringComparison.Ordinal))
            {
                current.Length = int.Parse(line["Parameter length: ".Length..], CultureInfo.InvariantCulture);
            }
            else if (current is not null && !line.StartsWith('['))
            {
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0) current.Fields.Add((line[..colon], line[(colon + 2)..]));
            }
        }
    }

    public int Version { get; } = -1;

    public int MessageClass { get; } = -1;

    public int MessageType { get; } = -1;

    public int MessageLength { get; } = -1;

    public List<Parameter> Parameters { get; } = [];

    /// <summary>One dissected parameter.</summary>
    public sealed class Parameter(string heading, int tag)
    {
        /// <summary>The line above the tag, e.g. "Protocol data (SS7 message of 4 bytes)".</summary>
        public string Heading { get; } = heading;

        public int Tag { get; } = tag;

        /// <summary>The parameter length field: value plus 4, padding excluded.</summary>
        public int Length { get; set; } = -1;

        public List<(string Label, string Text)> Fields { get; } = [];

        /// <summary>The number each field labelled <paramref name="label"/> states: the one in trailing parentheses, or the text itself.</summary>
        public List<long> Numbers(string label) =>
            Fields.Where(f => f.Label == label).Select(f => (long)Trailing(f.Label + ": " + f.Text)).ToList();

        public List<string> Texts(string label) => Fields.Where(f => f.Label == label).Select(f => f.Text).ToList();

        public override string ToString() => $"{Heading} tag={Tag} length={Length}";
    }

    /// <summary>"Label: text (N)" gives N; "Label: N" gives N.</summary>
    private static long Trailing(string line)
    {
        var m = TrailingNumber().Match(line);
        if (m.Success) return long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        string value = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex TrailingNumber();
}
