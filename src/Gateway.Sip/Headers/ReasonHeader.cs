using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// The Reason header (RFC 3326, RFC 6432 for responses, RFC 8606 location):
/// <c>reason-value *(COMMA reason-value)</c>, <c>reason-value = protocol *(SEMI reason-params)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Two tolerances, both for the same reason: a gateway maps the cause to the ISUP release cause, and the text is
/// only a human-readable comment, so rejecting the whole header over a malformed comment would lose the one thing
/// that matters. A <c>text</c> written as a bare token (<c>text=Terminated</c>) is accepted, and so is text in
/// typographic quotes (<c>text=“Busy Here”</c>, or <c>text=”call completed elsewhere”</c> as word processors also
/// write it), which appears in copy-pasted configurations and documentation such as the seed tutorial. The
/// typographic form is accepted only between two of U+201C/U+201D, holding no straight quote, backslash or control
/// character, so it cannot be confused with a real quoted-string. Everything this type writes uses ASCII quotes.
/// </para>
/// <para>Protocol and parameter names are case-insensitive; a repeated cause or text makes the value invalid.</para>
/// </remarks>
public static class ReasonHeader
{
    private const GenericParameterOptions ParameterOptions = GenericParameterOptions.AllowTypographicQuotes;

    /// <summary>Parses a Reason value into <paramref name="into"/>; on failure nothing is added.</summary>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<ReasonValue> into)
    {
        int count = into.Count;
        value = SipSyntax.TrimLinearWhitespace(value);
        int i = 0;
        while (true)
        {
            // The list is read value by value rather than split on commas first: a typographically quoted text may
            // hold a comma that a quote-aware splitter would not recognise.
            if (!TryParseValue(value, ref i, out ReasonValue? reason))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }

            into.Add(reason);
            if (i == value.Length)
            {
                return true;
            }

            if (!SipSyntax.TryReadSeparator(value, ref i, (byte)','))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }
        }
    }

    /// <summary>Parses a value holding exactly one reason-value.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out ReasonValue? result)
    {
        value = SipSyntax.TrimLinearWhitespace(value);
        int i = 0;
        if (TryParseValue(value, ref i, out result) && i == value.Length)
        {
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Formats reason values as one header value, comma-separated.</summary>
    public static string Format(IEnumerable<ReasonValue> reasons)
    {
        var builder = new StringBuilder();
        foreach (ReasonValue reason in reasons)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            reason.AppendTo(builder);
        }

        return builder.ToString();
    }

    private static bool TryParseValue(ReadOnlySpan<byte> s, ref int index, [NotNullWhen(true)] out ReasonValue? result)
    {
        result = null;
        int protocolEnd = SipSyntax.ScanToken(s, index);
        if (protocolEnd == index)
        {
            return false;
        }

        string protocol = ReasonValue.CanonicalProtocol(SipSyntax.GetString(s[index..protocolEnd]));
        int i = protocolEnd;
        int? cause = null;
        string? text = null;
        string? location = null;
        List<SipParameter>? extensions = null;
        while (true)
        {
            switch (GenericParameterSyntax.TryRead(s, ref i, ParameterOptions, out GenericParameterRange parameter))
            {
                case GenericParameterScan.Parsed:
                    if (parameter.NameIs(s, "cause"))
                    {
                        // protocol-cause = "cause" EQUAL cause, cause = 1*DIGIT
                        if (cause is not null || parameter.ValueKind != GenericParameterValueKind.Plain
                            || !SipSyntax.TryParseNumber(parameter.RawValue(s), int.MaxValue, out long number))
                        {
                            return false;
                        }

                        cause = (int)number;
                    }
                    else if (parameter.NameIs(s, "text"))
                    {
                        if (text is not null || !parameter.HasValue)
                        {
                            return false;
                        }

                        text = parameter.ValueText(s);
                    }
                    else if (parameter.NameIs(s, "location") && parameter.ValueKind == GenericParameterValueKind.Plain && location is null)
                    {
                        location = parameter.ValueText(s);
                    }
                    else
                    {
                        (extensions ??= []).Add(parameter.ToParameter(s));
                    }

                    break;
                case GenericParameterScan.End:
                    index = SipSyntax.SkipLinearWhitespace(s, i);
                    result = new ReasonValue(protocol, cause, text, location, extensions);
                    return true;
                default:
                    return false;
            }
        }
    }
}
