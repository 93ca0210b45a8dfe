using System.Text;
using Gateway.Sip;

namespace Gateway.Tests.Interworking.Mapping;

/// <summary>Builds the SIP requests the mapping reads, parsed by the SIP library as the stack would.</summary>
internal static class SipText
{
    /// <summary>A request with the usual dialog headers, the given extra header lines and body.</summary>
    public static SipMessage Request(string method, string requestUri, IEnumerable<string> extra, string body = "", string from = "<sip:alice@pbx.example.com>;tag=1928301774")
    {
        var lines = new List<string>
        {
            $"{method} {requestUri} SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds",
            "Max-Forwards: 70",
            $"To: <{requestUri}>",
            $"From: {from}",
            "Call-ID: a84b4c76e66710@pbx.example.com",
            $"CSeq: 314159 {method}",
        };
        lines.AddRange(extra);
        lines.Add($"Content-Length: {Encoding.UTF8.GetByteCount(body)}");
        return Parse(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n" + body));
    }

    /// <summary>An INVITE to <paramref name="requestUri"/>.</summary>
    public static SipMessage Invite(string requestUri, params string[] extra) => Request("INVITE", requestUri, extra);

    /// <summary>Parses a whole message, failing the test when it is not valid.</summary>
    public static SipMessage Parse(byte[] bytes)
    {
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        Assert.True(result.IsComplete, $"Expected a valid message, got {result}");
        Assert.NotNull(message);
        return message;
    }

    /// <summary>The reason values of a Reason header value, parsed by the SIP library.</summary>
    public static IReadOnlyList<ReasonValue> Reasons(string headerValue)
    {
        var reasons = new List<ReasonValue>();
        Assert.True(ReasonHeader.TryParseList(Encoding.UTF8.GetBytes(headerValue), reasons), headerValue);
        return reasons;
    }
}
