using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip;

/// <summary>
/// The Privacy header (RFC 3323 §4.2): <c>priv-value *(";" priv-value)</c>, e.g. <c>id;critical</c>. Values are
/// tokens compared case-insensitively; unknown tokens are kept as extensions.
/// </summary>
/// <remarks>
/// Commas are accepted as separators too. The RFC grammar uses semicolons only, but peers that treat Privacy as a
/// list header send commas, and a message layer may join repeated Privacy lines with commas; since every value is a
/// bare token there is nothing a comma could be confused with.
/// </remarks>
public sealed class PrivacyHeader
{
    private PrivacyHeader(PrivacyValues values, IReadOnlyList<string> tokens, IReadOnlyList<string> extensions)
    {
        Values = values;
        Tokens = tokens;
        Extensions = extensions;
    }

    /// <summary>The known values present.</summary>
    public PrivacyValues Values { get; }

    /// <summary>Every value as written, in order.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The values this type does not know, as written.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Whether all of <paramref name="values"/> are present.</summary>
    public bool Has(PrivacyValues values) => (Values & values) == values;

    /// <summary>Parses the value.</summary>
    /// <returns>False when it is empty or a value is not a token.</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out PrivacyHeader? result)
    {
        result = null;
        value = SipSyntax.TrimLinearWhitespace(value);
        var tokens = new List<string>();
        var extensions = new List<string>();
        PrivacyValues values = PrivacyValues.Unspecified;
        int i = 0;
        while (true)
        {
            int end = SipSyntax.ScanToken(value, i);
            if (end == i)
            {
                return false;
            }

            ReadOnlySpan<byte> token = value[i..end];
            PrivacyValues known = Known(token);
            string text = SipSyntax.GetString(token);
            tokens.Add(text);
            if (known == PrivacyValues.Unspecified)
            {
                extensions.Add(text);
            }

            values |= known;
            i = end;
            if (SipSyntax.SkipLinearWhitespace(value, i) == value.Length)
            {
                break;
            }

            if (!SipSyntax.TryReadSeparator(value, ref i, (byte)';') && !SipSyntax.TryReadSeparator(value, ref i, (byte)','))
            {
                return false;
            }
        }

        result = new PrivacyHeader(values, tokens, extensions);
        return true;
    }

    /// <summary>The value as written by this element: the tokens joined with semicolons.</summary>
    public override string ToString() => string.Join(';', Tokens);

    private static PrivacyValues Known(ReadOnlySpan<byte> token)
    {
        if (SipSyntax.EqualsIgnoreCase(token, "header"))
        {
            return PrivacyValues.Header;
        }

        if (SipSyntax.EqualsIgnoreCase(token, "session"))
        {
            return PrivacyValues.Session;
        }

        if (SipSyntax.EqualsIgnoreCase(token, "user"))
        {
            return PrivacyValues.User;
        }

        if (SipSyntax.EqualsIgnoreCase(token, "id"))
        {
            return PrivacyValues.Id;
        }

        if (SipSyntax.EqualsIgnoreCase(token, "critical"))
        {
            return PrivacyValues.Critical;
        }

        if (SipSyntax.EqualsIgnoreCase(token, "history"))
        {
            return PrivacyValues.History;
        }

        return SipSyntax.EqualsIgnoreCase(token, "none") ? PrivacyValues.NoPrivacy : PrivacyValues.Unspecified;
    }
}
