using System.Text;

namespace Gateway.Sip.Tests.Messages;

/// <summary>Builds test messages and parses them with assertions that say what went wrong.</summary>
internal static class Sip
{
    /// <summary>Joins lines with CRLF and ends the header section with an empty line, then appends the body.</summary>
    public static byte[] Message(string body, params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n" + body);

    /// <summary>A minimal valid request with the given extra header lines (no body, Content-Length: 0).</summary>
    public static byte[] Request(string method = "OPTIONS", string uri = "sip:bob@example.com", params string[] extra)
    {
        var lines = new List<string>
        {
            $"{method} {uri} SIP/2.0",
            "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bK776asdhds",
            "Max-Forwards: 70",
            "To: <sip:bob@example.com>",
            "From: <sip:alice@example.com>;tag=1928301774",
            "Call-ID: a84b4c76e66710@pc33.example.com",
            $"CSeq: 314159 {method}",
        };
        lines.AddRange(extra);
        lines.Add("Content-Length: 0");
        return Message("", lines.ToArray());
    }

    public static SipMessage ParseValid(byte[] bytes)
    {
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        Assert.True(result.IsComplete, $"Expected a valid message, got {result}");
        Assert.NotNull(message);
        return message;
    }

    public static SipParseResult ParseInvalid(byte[] bytes, SipParseError expected)
    {
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        message?.Dispose();
        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal(expected, result.Error);
        Assert.Equal(result.CanRespond, message is not null);
        return result;
    }

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
