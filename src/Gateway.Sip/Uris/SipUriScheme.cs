namespace Gateway.Sip;

/// <summary>The URI schemes the parser knows the syntax of.</summary>
internal enum SipUriScheme
{
    /// <summary>Any other absolute URI, kept opaque.</summary>
    Other = 0,

    /// <summary><c>sip:</c> (RFC 3261 §19.1).</summary>
    Sip,

    /// <summary><c>sips:</c> (RFC 3261 §19.1).</summary>
    Sips,

    /// <summary><c>tel:</c> (RFC 3966).</summary>
    Tel,
}
