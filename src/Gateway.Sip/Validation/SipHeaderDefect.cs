namespace Gateway.Sip;

/// <summary>
/// The first header whose value breaks its own grammar, found by <see cref="SipMessageValidator"/>;
/// <see cref="SipHeaderName.Unknown"/> stands for the Request-URI.
/// </summary>
public readonly record struct SipHeaderDefect(SipHeaderName Header)
{
    public string Name => Header == SipHeaderName.Unknown ? "Request-URI" : System.Text.Encoding.ASCII.GetString(SipHeaderNames.GetName(Header));

    /// <summary>The reason phrase of the 400 that names the defect, in the style of <see cref="SipParseErrors"/>.</summary>
    public string ReasonPhrase => $"Bad Request - Invalid {Name}{(Header == SipHeaderName.Unknown ? "" : " header")}";
}
