namespace Gateway.Sip;

/// <summary>Where one scanned parameter's name and value lie in the header text.</summary>
internal readonly struct GenericParameterRange
{
    public GenericParameterRange(int nameStart, int nameEnd, int valueStart, int valueEnd, GenericParameterValueKind valueKind)
    {
        NameStart = nameStart;
        NameEnd = nameEnd;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        ValueKind = valueKind;
    }

    public int NameStart { get; }

    public int NameEnd { get; }

    /// <summary>The value's start; for a quoted value, the opening quote.</summary>
    public int ValueStart { get; }

    /// <summary>The value's end; for a quoted value, just after the closing quote.</summary>
    public int ValueEnd { get; }

    public GenericParameterValueKind ValueKind { get; }

    public bool HasValue => ValueKind != GenericParameterValueKind.None;

    public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> text) => text[NameStart..NameEnd];

    /// <summary>The raw value bytes (quotes included when quoted).</summary>
    public ReadOnlySpan<byte> RawValue(ReadOnlySpan<byte> text) => text[ValueStart..ValueEnd];

    /// <summary>Whether the name is <paramref name="name"/>, ignoring ASCII case.</summary>
    public bool NameIs(ReadOnlySpan<byte> text, string name) => SipSyntax.EqualsIgnoreCase(Name(text), name);

    /// <summary>The value as a string with quoting resolved, or null when there is none.</summary>
    public string? ValueText(ReadOnlySpan<byte> text) => ValueKind switch
    {
        GenericParameterValueKind.None => null,
        GenericParameterValueKind.Quoted => SipSyntax.Unquote(RawValue(text)),
        GenericParameterValueKind.TypographicallyQuoted => SipSyntax.GetString(text[(ValueStart + SipSyntax.TypographicQuoteLength)..(ValueEnd - SipSyntax.TypographicQuoteLength)]),
        _ => SipSyntax.GetString(RawValue(text)),
    };

    /// <summary>The parameter as a <see cref="SipParameter"/>; a typographically quoted value comes back as quoted.</summary>
    public SipParameter ToParameter(ReadOnlySpan<byte> text) =>
        new(SipSyntax.GetString(Name(text)), ValueText(text), ValueKind is GenericParameterValueKind.Quoted or GenericParameterValueKind.TypographicallyQuoted);
}
