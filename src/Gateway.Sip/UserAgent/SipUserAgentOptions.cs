namespace Gateway.Sip;

/// <summary>What the <see cref="SipUserAgent"/> says about itself.</summary>
public sealed record SipUserAgentOptions
{
    /// <summary>
    /// The user part and host of our Contact, e.g. <c>sip:gw@192.0.2.1:5060</c>; null: <c>sip:gw@</c> the stack's sent-by
    /// host and UDP port. Requests and responses over TCP get <c>;transport=tcp</c> added.
    /// </summary>
    public string? Contact { get; init; }

    /// <summary>The methods we accept (Allow, RFC 3261 §20.5); a request with another method gets 405.</summary>
    public IReadOnlyList<string> Allow { get; init; } = ["INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "UPDATE"];

    /// <summary>The body types we accept (Accept, §20.1).</summary>
    public IReadOnlyList<string> Accept { get; init; } = ["application/sdp", "application/isup", "multipart/mixed"];

    /// <summary>The option tags we support (Supported, §20.37); a request requiring another gets 420.</summary>
    public IReadOnlyList<string> Supported { get; init; } = [];

    /// <summary>The User-Agent/Server header value; null for none.</summary>
    public string? Product { get; init; } = "sip-isup-gateway";
}
