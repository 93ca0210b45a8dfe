namespace Gateway.Sip;

/// <summary>
/// The Contact header (RFC 3261 §20.10): <c>STAR</c> or a list of name-addr / addr-spec values with contact
/// parameters (<c>q</c>, <c>expires</c>...).
/// </summary>
public static class ContactHeader
{
    /// <summary>Whether the value is the wildcard <c>*</c> (only meaningful in REGISTER).</summary>
    public static bool IsWildcard(ReadOnlySpan<byte> value) => SipSyntax.TrimLinearWhitespace(value).SequenceEqual("*"u8);

    /// <summary>Parses a Contact value into <paramref name="into"/>; on failure nothing is added.</summary>
    /// <param name="value">The raw header value.</param>
    /// <param name="into">Receives the contacts (nothing for the wildcard).</param>
    /// <param name="isWildcard">Whether the value was <c>*</c>.</param>
    /// <returns>
    /// Whether the value is valid: the wildcard, or contacts whose <c>q</c> is a qvalue and whose <c>expires</c> is
    /// delta-seconds. An <c>expires</c> too large for 32 bits is accepted: RFC 4475 scalar02 lets a receiver treat it
    /// as the default rather than reject the message.
    /// </returns>
    public static bool TryParse(ReadOnlySpan<byte> value, List<NameAddress> into, out bool isWildcard)
    {
        isWildcard = IsWildcard(value);
        if (isWildcard)
        {
            return true;
        }

        int count = into.Count;
        if (!NameAddress.TryParseList(value, into))
        {
            return false;
        }

        for (int i = count; i < into.Count; i++)
        {
            SipParameterList parameters = into[i].Parameters;
            if ((parameters.TryGetValue("q", out string? q) && !IsQValue(q))
                || (parameters.TryGetValue("expires", out string? expires) && !IsDeltaSeconds(expires)))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }
        }

        return true;
    }

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).</summary>
    internal static bool IsQValue(string? text)
    {
        if (text is null || text.Length == 0 || text.Length > 5 || (text[0] != '0' && text[0] != '1'))
        {
            return false;
        }

        if (text.Length == 1)
        {
            return true;
        }

        if (text[1] != '.')
        {
            return false;
        }

        for (int i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (text[0] == '1' && text[i] != '0'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDeltaSeconds(string? text) => text is { Length: > 0 } && text.All(char.IsAsciiDigit);
}
