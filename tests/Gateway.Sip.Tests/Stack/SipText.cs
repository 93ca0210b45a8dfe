using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>Literal SIP for the scripted peers: text with LF line ends becomes CRLF, and Content-Length is computed.</summary>
internal static class SipText
{
    /// <summary>Headers (LF-separated, no Content-Length) and an optional body, as wire bytes.</summary>
    public static byte[] Message(string headers, string body = "")
    {
        string head = headers.Replace("\r\n", "\n").TrimEnd('\n').Replace("\n", "\r\n");
        byte[] bodyBytes = Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        return Encoding.UTF8.GetBytes($"{head}\r\nContent-Length: {bodyBytes.Length}\r\n\r\n").Concat(bodyBytes).ToArray();
    }

    public const string Sdp = """
        v=0
        o=peer 1 1 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 40000 RTP/AVP 8
        a=rtpmap:8 PCMA/8000

        """;

    /// <summary>An INVITE from <paramref name="peer"/> to the stack.</summary>
    public static byte[] Invite(string peer, string stack, string branch, string callId, string transport = "UDP", string via = null!, int cseq = 1, string toTag = "") => Message($"""
        INVITE sip:+4930123456@{stack} SIP/2.0
        Via: {via ?? $"SIP/2.0/{transport} {peer};branch={branch};rport"}
        Max-Forwards: 70
        From: "Alice" <sip:alice@{peer}>;tag=alice-1
        To: <sip:+4930123456@{stack}>{(toTag.Length > 0 ? ";tag=" + toTag : "")}
        Call-ID: {callId}
        CSeq: {cseq} INVITE
        Contact: <sip:alice@{peer}>
        Content-Type: application/sdp
        """, Sdp);

    /// <summary>
    /// A hop-by-hop request for an INVITE the peer sent (CANCEL, or the ACK of a non-2xx): same Request-URI, Via, From,
    /// Call-ID and CSeq number; To from <paramref name="to"/> (the INVITE's, or the response's with its tag).
    /// </summary>
    public static byte[] HopByHop(string method, WireMessageOrTemplate invite, string to, string? extraHeader = null) => Message($"""
        {method} {invite.RequestUri} SIP/2.0
        Via: {invite.Via}
        Max-Forwards: 70
        From: {invite.From}
        To: {to}
        Call-ID: {invite.CallId}
        CSeq: {invite.CSeq} {method}{(extraHeader is null ? "" : "\n" + extraHeader)}
        """);

    /// <summary>A response to <paramref name="request"/> as a UAS would build it (RFC 3261 §8.2.6).</summary>
    public static byte[] Response(WireMessage request, int status, string reason, string? toTag = null, string body = "", string? contact = null)
    {
        var headers = new StringBuilder($"SIP/2.0 {status} {reason}\n");
        foreach (string via in request.Values("Via"))
        {
            headers.Append("Via: ").Append(via).Append('\n');
        }

        headers.Append("From: ").Append(request["From"]).Append('\n');
        headers.Append("To: ").Append(request["To"]).Append(toTag is null ? "" : ";tag=" + toTag).Append('\n');
        headers.Append("Call-ID: ").Append(request["Call-ID"]).Append('\n');
        headers.Append("CSeq: ").Append(request["CSeq"]).Append('\n');
        if (contact is not null)
        {
            headers.Append("Contact: ").Append(contact).Append('\n');
        }

        return Message(headers.ToString(), body);
    }
}
