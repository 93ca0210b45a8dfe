using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// A message as it crossed the wire, split into start line and header lines for assertions. Unless told to be lenient it
/// must also pass <see cref="SipParser"/> — a 400 answering a request with an out-of-range CSeq copies that CSeq, so the
/// parser rightly rejects it, yet it is what the stack must send.
/// </summary>
internal sealed class WireMessage
{
    private readonly string _startLine;
    private readonly List<(SipHeaderName Id, string Name, string Value)> _headers = [];

    public WireMessage(ReadOnlySpan<byte> bytes, bool lenient = false)
    {
        Bytes = bytes.ToArray();
        Text = Encoding.UTF8.GetString(bytes);
        if (!lenient)
        {
            SipParseResult result = SipParser.TryParse(bytes, out SipMessage? parsed);
            parsed?.Dispose();
            Assert.True(result.IsComplete, $"the stack sent something the parser rejects ({result}):\n{Text}");
        }

        int end = Text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no end of headers:\n" + Text);
        string[] lines = Text[..end].Split("\r\n");
        _startLine = lines[0];
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            string name = line[..colon].Trim();
            _headers.Add((SipHeaderNames.Identify(Encoding.ASCII.GetBytes(name)), name, line[(colon + 1)..].Trim()));
        }

        Body = Text[(end + 4)..];
    }

    public byte[] Bytes { get; }

    public string Text { get; }

    public string Body { get; }

    public bool IsRequest => !_startLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal);

    public int StatusCode => IsRequest ? 0 : int.Parse(_startLine.AsSpan(8, 3));

    public string ReasonPhrase => IsRequest ? "" : _startLine[12..];

    public string Method => IsRequest ? _startLine[.._startLine.IndexOf(' ')] : "";

    public string RequestUri => IsRequest ? _startLine.Split(' ')[1] : "";

    public string CSeqMethod => this["CSeq"]!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

    public int CSeq => int.Parse(this["CSeq"]!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);

    /// <summary>The first value of a header, by long or compact name; null when absent.</summary>
    public string? this[string name] => Values(name).FirstOrDefault();

    /// <summary>Every value of a header in order (one per header line).</summary>
    public IReadOnlyList<string> Values(string name)
    {
        SipHeaderName id = SipHeaderNames.Identify(Encoding.ASCII.GetBytes(name));
        return _headers
            .Where(h => id != SipHeaderName.Unknown ? h.Id == id : string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value)
            .ToList();
    }

    public NameAddress To => NameAddress.TryParse(Encoding.UTF8.GetBytes(this["To"]!), out NameAddress? to) ? to : throw new InvalidOperationException("To");

    public ViaHeader TopVia
    {
        get
        {
            var list = new List<ViaHeader>();
            Assert.True(ViaHeader.TryParseList(Encoding.UTF8.GetBytes(Values("Via")[0]), list));
            return list[0];
        }
    }

    public override string ToString() => Text;
}
