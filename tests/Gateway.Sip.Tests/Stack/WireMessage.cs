using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>A message as it crossed the wire, parsed with <see cref="SipParser"/> for assertions (a copy the test owns).</summary>
internal sealed class WireMessage
{
    private readonly SipMessage _message;

    public WireMessage(ReadOnlySpan<byte> bytes)
    {
        Bytes = bytes.ToArray();
        Text = Encoding.UTF8.GetString(bytes);
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        Assert.True(result.IsComplete, $"the stack sent something the parser rejects ({result}):\n{Text}");
        _message = message!;
    }

    public byte[] Bytes { get; }

    public string Text { get; }

    public bool IsRequest => _message.IsRequest;

    public int StatusCode => _message.StatusCode;

    public string ReasonPhrase => Encoding.UTF8.GetString(_message.ReasonPhrase);

    public string Method => Encoding.UTF8.GetString(_message.MethodToken);

    public string RequestUri => Encoding.UTF8.GetString(_message.RequestUri);

    public string CSeqMethod => Encoding.UTF8.GetString(_message.CSeqMethodToken);

    public int CSeq => _message.CSeqNumber;

    public string Body => Encoding.UTF8.GetString(_message.Body);

    /// <summary>The first value of a header, by long or compact name; null when absent.</summary>
    public string? this[string name] => Values(name).FirstOrDefault();

    /// <summary>Every value of a header in order (one per header line).</summary>
    public IReadOnlyList<string> Values(string name)
    {
        SipHeaderName id = SipHeaderNames.Identify(Encoding.ASCII.GetBytes(name));
        var values = new List<string>();
        for (int i = 0; i < _message.HeaderCount; i++)
        {
            SipHeaderField field = _message.GetHeaderField(i);
            if (id != SipHeaderName.Unknown ? field.Id == id : Ascii.EqualsIgnoreCase(field.Name, Encoding.ASCII.GetBytes(name)))
            {
                values.Add(Encoding.UTF8.GetString(field.Value));
            }
        }

        return values;
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
