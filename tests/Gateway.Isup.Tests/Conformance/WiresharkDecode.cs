using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Isup.Tests.Conformance;

/// <summary>
/// The facts a Wireshark text decode (tshark -V) states about one ISUP message, pulled out line by line: message type,
/// CIC, the mandatory parameters in order with their lengths, the optional ones as (code, length), and labelled field
/// values such as "Cause indicator: ... (31)".
/// </summary>
public sealed partial class WiresharkDecode
{
    private readonly string[] _lines;

    public WiresharkDecode(string[] lines)
    {
        _lines = lines.Where(l => !l.StartsWith('#')).ToArray();
        foreach (string line in _lines)
        {
            Match m;
            if ((m = MessageTypeLine().Match(line)).Success) MessageType = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            else if ((m = CicLine().Match(line)).Success) Cic = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            else if ((m = MandatoryLine().Match(line)).Success) Mandatory.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            else if ((m = OptionalLine().Match(line)).Success) Optional.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        }
    }

    public int MessageType { get; } = -1;

    public int? Cic { get; }

    /// <summary>Codes of the mandatory parameters Wireshark dissected, in order.</summary>
    public List<int> Mandatory { get; } = [];

    /// <summary>(code, length) of each optional parameter, in order.</summary>
    public List<(int Code, int Length)> Optional { get; } = [];

    /// <summary>Whether Wireshark says it does not dissect this message's content.</summary>
    public bool FormatIsNationalMatter => _lines.Any(l => l.Contains("Format is a national matter", StringComparison.Ordinal));

    /// <summary>Every number in parentheses at the end of lines labelled <paramref name="label"/>, in order ("... = Label: text (N)").</summary>
    public List<int> Values(string label)
    {
        var values = new List<int>();
        foreach (string line in _lines)
        {
            int at = line.IndexOf(label + ": ", StringComparison.Ordinal);
            if (at < 0 || (at > 0 && line[at - 1] != ' ')) continue;
            var m = TrailingNumber().Match(line);
            if (!m.Success) continue;
            string number = m.Groups[1].Value;
            values.Add(number.StartsWith("0x", StringComparison.Ordinal)
                ? int.Parse(number.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : int.Parse(number, CultureInfo.InvariantCulture));
        }
        return values;
    }

    /// <summary>The text after "Label: " on each line that has it, in order (e.g. digit strings).</summary>
    public List<string> Texts(string label)
    {
        var texts = new List<string>();
        foreach (string line in _lines)
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith(label + ": ", StringComparison.Ordinal)) texts.Add(trimmed[(label.Length + 2)..].Trim());
        }
        return texts;
    }

    /// <summary>The redirection counters ("... = Redirection counter: 2"), which Wireshark prints without parentheses.</summary>
    public List<int> CounterTexts()
    {
        var values = new List<int>();
        foreach (string line in _lines)
        {
            int at = line.IndexOf("= Redirection counter: ", StringComparison.Ordinal);
            if (at >= 0) values.Add(int.Parse(line.AsSpan(at + "= Redirection counter: ".Length).Trim(), CultureInfo.InvariantCulture));
        }
        return values;
    }

    [GeneratedRegex(@"^\s+Message Type: .*\((\d+)\)$")]
    private static partial Regex MessageTypeLine();

    [GeneratedRegex(@"^\s+CIC: (\d+)$")]
    private static partial Regex CicLine();

    [GeneratedRegex(@"^\s+Mandatory Parameter: .*\((\d+)\)$")]
    private static partial Regex MandatoryLine();

    [GeneratedRegex(@"^\s{4}Parameter: \(t=(\d+), l=(\d+)\)")]
    private static partial Regex OptionalLine();

    [GeneratedRegex(@"\((0x[0-9a-fA-F]+|\d+)\)$")]
    private static partial Regex TrailingNumber();
}
