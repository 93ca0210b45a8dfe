namespace Gateway.Sip;

/// <summary>
/// Scans <c>*( SEMI generic-param )</c> (RFC 3261 §25.1) without allocating: the caller loops over
/// <see cref="TryRead"/> and materialises only the parameters it needs.
/// </summary>
internal static class GenericParameterSyntax
{
    /// <summary>
    /// Reads one <c>SEMI generic-param</c> at <paramref name="index"/>.
    /// </summary>
    /// <returns>
    /// <see cref="GenericParameterScan.Parsed"/> with <paramref name="index"/> after the parameter;
    /// <see cref="GenericParameterScan.End"/> when the next non-whitespace byte is not a semicolon (index unchanged);
    /// <see cref="GenericParameterScan.Invalid"/> when a semicolon is followed by something that is not a parameter.
    /// </returns>
    public static GenericParameterScan TryRead(
        ReadOnlySpan<byte> text, ref int index, GenericParameterOptions options, out GenericParameterRange parameter)
    {
        parameter = default;
        int i = index;
        if (!SipSyntax.TryReadSeparator(text, ref i, (byte)';'))
        {
            return GenericParameterScan.End;
        }

        int nameStart = i;
        int nameEnd = SipSyntax.ScanToken(text, i);
        if (nameEnd == nameStart)
        {
            return GenericParameterScan.Invalid;
        }

        i = nameEnd;
        if (!SipSyntax.TryReadSeparator(text, ref i, (byte)'='))
        {
            if ((options & GenericParameterOptions.ValueRequired) != 0)
            {
                return GenericParameterScan.Invalid;
            }

            parameter = new GenericParameterRange(nameStart, nameEnd, nameEnd, nameEnd, GenericParameterValueKind.None);
            index = nameEnd;
            return GenericParameterScan.Parsed;
        }

        if (!TryReadValue(text, i, options, out int valueEnd, out GenericParameterValueKind kind))
        {
            return GenericParameterScan.Invalid;
        }

        parameter = new GenericParameterRange(nameStart, nameEnd, i, valueEnd, kind);
        index = valueEnd;
        return GenericParameterScan.Parsed;
    }

    /// <summary>Reads every parameter from <paramref name="index"/>; true when they run exactly to the end.</summary>
    public static bool TryReadToEnd(ReadOnlySpan<byte> text, int index, GenericParameterOptions options, List<SipParameter>? into)
    {
        while (true)
        {
            switch (TryRead(text, ref index, options, out GenericParameterRange parameter))
            {
                case GenericParameterScan.Parsed:
                    into?.Add(parameter.ToParameter(text));
                    break;
                case GenericParameterScan.End:
                    return SipSyntax.SkipLinearWhitespace(text, index) == text.Length;
                default:
                    return false;
            }
        }
    }

    /// <summary>The parameters of an already validated parameter section.</summary>
    public static SipParameterList Materialize(ReadOnlySpan<byte> text, int index, GenericParameterOptions options)
    {
        var list = new List<SipParameter>();
        TryReadToEnd(text, index, options, list);
        return SipParameterList.Wrap(list.ToArray());
    }

    private static bool TryReadValue(
        ReadOnlySpan<byte> text, int i, GenericParameterOptions options, out int end, out GenericParameterValueKind kind)
    {
        end = i;
        kind = GenericParameterValueKind.Plain;
        if (i >= text.Length)
        {
            return false;
        }

        byte first = text[i];
        if (first == (byte)'"')
        {
            kind = GenericParameterValueKind.Quoted;
            return SipSyntax.TryScanQuotedString(text, i, out end);
        }

        if (first == (byte)'[')
        {
            // gen-value = token / host / quoted-string, and host includes the IPv6 reference.
            return HostSyntax.TryScanHost(text, i, out end, out _);
        }

        if ((options & GenericParameterOptions.AllowTypographicQuotes) != 0 && SipSyntax.StartsWithTypographicQuote(text[i..]))
        {
            kind = GenericParameterValueKind.TypographicallyQuoted;
            return TryScanTypographicQuotes(text, i, out end);
        }

        end = SipSyntax.ScanToken(text, i);
        if ((options & GenericParameterOptions.AllowBareIPv6) != 0 && end < text.Length && text[end] == (byte)':')
        {
            int addressEnd = i;
            while (addressEnd < text.Length && (SipCharacters.IsHexDigit(text[addressEnd]) || text[addressEnd] == (byte)':' || text[addressEnd] == (byte)'.'))
            {
                addressEnd++;
            }

            if (!HostSyntax.IsIPv6Address(text[i..addressEnd]))
            {
                return false;
            }

            end = addressEnd;
        }

        return end > i;
    }

    private static bool TryScanTypographicQuotes(ReadOnlySpan<byte> text, int i, out int end)
    {
        end = i;
        int contentStart = i + SipSyntax.TypographicQuoteLength;
        int close = contentStart;
        while (close < text.Length && !SipSyntax.StartsWithTypographicQuote(text[close..]))
        {
            byte b = text[close];

            // Same limits as qdtext, minus folding: no control characters and no straight quote or backslash,
            // which would make the value ambiguous with a real quoted-string.
            if ((b < 0x20 && b != (byte)'\t') || b == 0x7F || b == (byte)'"' || b == (byte)'\\')
            {
                return false;
            }

            close++;
        }

        if (close == text.Length || !System.Text.Unicode.Utf8.IsValid(text[contentStart..close]))
        {
            return false;
        }

        end = close + SipSyntax.TypographicQuoteLength;
        return true;
    }
}
