namespace Gateway.Sip;

/// <summary>Variations of the generic-param rule that particular headers need.</summary>
[Flags]
internal enum GenericParameterOptions
{
    /// <summary>RFC 3261 generic-param: <c>token [ EQUAL gen-value ]</c>, gen-value = token / host / quoted-string.</summary>
    None = 0,

    /// <summary>Every parameter must have a value (media type m-parameter).</summary>
    ValueRequired = 1,

    /// <summary>
    /// A value may also be enclosed in U+201C/U+201D typographic quotes. Only the Reason header asks for this;
    /// see <see cref="ReasonHeader"/> for why.
    /// </summary>
    AllowTypographicQuotes = 2,

    /// <summary>
    /// A value may also be a bare IPv6 address (<c>received=2001:db8::1</c>): RFC 3261's via-received takes an
    /// IPv6address, not the bracketed reference gen-value allows.
    /// </summary>
    AllowBareIPv6 = 4,
}
