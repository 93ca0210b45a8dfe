namespace Gateway.Sip;

/// <summary>How a scanned parameter value was written.</summary>
internal enum GenericParameterValueKind
{
    /// <summary>No value: <c>;lr</c>.</summary>
    None = 0,

    /// <summary>A token, a host or an IPv6 reference.</summary>
    Plain,

    /// <summary>A quoted-string.</summary>
    Quoted,

    /// <summary>Text between U+201C and U+201D (tolerated only where asked).</summary>
    TypographicallyQuoted,
}
