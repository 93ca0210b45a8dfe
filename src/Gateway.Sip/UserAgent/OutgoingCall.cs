using System.Net;

namespace Gateway.Sip;

/// <summary>An INVITE the application asks <see cref="SipUserAgent.Call"/> to send.</summary>
public sealed record OutgoingCall
{
    /// <summary>The Request-URI, e.g. <c>sip:+4930123@192.0.2.7;user=phone</c>.</summary>
    public required string RequestUri { get; init; }

    /// <summary>Where the INVITE goes (the trunk's address).</summary>
    public required IPEndPoint Destination { get; init; }

    /// <summary>The transport; null for UDP (the stack moves a large request to TCP itself).</summary>
    public SipTransportProtocol? Transport { get; init; }

    /// <summary>The From value without a tag (the user agent adds ours), e.g. <c>&lt;sip:+4940555@gw.example.net&gt;</c>.</summary>
    public required string From { get; init; }

    /// <summary>The To value, without a tag.</summary>
    public required string To { get; init; }

    /// <summary>The Call-ID; null for a fresh one.</summary>
    public string? CallId { get; init; }

    /// <summary>Further headers (P-Asserted-Identity, Privacy, Content-Type...).</summary>
    public IReadOnlyList<SipHeader> Headers { get; init; } = [];

    /// <summary>The body (the SDP offer, or a multipart with ISUP); its Content-Type goes in <see cref="Headers"/>.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }
}
