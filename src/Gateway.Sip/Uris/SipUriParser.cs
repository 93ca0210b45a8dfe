namespace Gateway.Sip;

/// <summary>
/// Validates URI text and finds its components without allocating: SIP and SIPS URIs per RFC 3261 §19.1 / §25.1,
/// tel URIs per RFC 3966 §3, and any other scheme as an RFC 2396 absolute URI kept opaque.
/// </summary>
internal static class SipUriParser
{
    public static bool TryParse(ReadOnlySpan<byte> text, out SipUriParts parts)
    {
        parts = default;
        parts.UserStart = -1;
        parts.PasswordStart = -1;
        parts.Port = -1;

        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        if (text.IsEmpty || !SipCharacters.IsAlpha(text[0]))
        {
            return false;
        }

        int i = 1;
        while (i < text.Length && (SipCharacters.IsAlphaNumeric(text[i]) || text[i] == (byte)'+' || text[i] == (byte)'-' || text[i] == (byte)'.'))
        {
            i++;
        }

        if (i >= text.Length || text[i] != (byte)':')
        {
            return false;
        }

        parts.SchemeEnd = i;
        ReadOnlySpan<byte> scheme = text[..i];
        parts.Scheme = SipSyntax.EqualsIgnoreCase(scheme, "sip") ? SipUriScheme.Sip
            : SipSyntax.EqualsIgnoreCase(scheme, "sips") ? SipUriScheme.Sips
            : SipSyntax.EqualsIgnoreCase(scheme, "tel") ? SipUriScheme.Tel
            : SipUriScheme.Other;

        return parts.Scheme switch
        {
            SipUriScheme.Sip or SipUriScheme.Sips => TryParseSip(text, i + 1, ref parts),
            SipUriScheme.Tel => TryParseTel(text, i + 1, ref parts),
            _ => TryParseOpaque(text, i + 1, ref parts),
        };
    }

    private static bool TryParseSip(ReadOnlySpan<byte> text, int start, ref SipUriParts parts)
    {
        // No '@' may appear unescaped after the userinfo (host, parameters and headers exclude it), so the first
        // '@' ends the userinfo even though the user part may hold ';', '?' and '/' (RFC 4475 intmeth, semiuri).
        int hostStart = start;
        int at = text[start..].IndexOf((byte)'@');
        if (at >= 0)
        {
            int userinfoEnd = start + at;
            int colon = text[start..userinfoEnd].IndexOf((byte)':');
            int userEnd = colon < 0 ? userinfoEnd : start + colon;
            if (!IsValidUser(text[start..userEnd]))
            {
                return false;
            }

            parts.UserStart = start;
            parts.UserEnd = userEnd;
            if (colon >= 0)
            {
                if (!PercentEncoding.IsValid(text[(userEnd + 1)..userinfoEnd], SipCharacterClass.Password, requireNonEmpty: false))
                {
                    return false;
                }

                parts.PasswordStart = userEnd + 1;
                parts.PasswordEnd = userinfoEnd;
            }

            hostStart = userinfoEnd + 1;
        }

        if (!HostSyntax.TryScanHost(text, hostStart, out int i, out SipUriHostKind hostKind))
        {
            return false;
        }

        parts.HostStart = hostStart;
        parts.HostEnd = i;
        parts.HostKind = hostKind;

        if (i < text.Length && text[i] == (byte)':')
        {
            i++;
            if (!SipSyntax.TryParseDigits(text, ref i, 65535, out long port))
            {
                return false;
            }

            parts.Port = (int)port;
        }

        // uri-parameters = *( ";" pname [ "=" pvalue ] ), pname = pvalue = 1*paramchar
        parts.ParametersStart = i;
        while (i < text.Length && text[i] == (byte)';')
        {
            if (!TryScanEscaped(text, i + 1, SipCharacterClass.Param, requireNonEmpty: true, out i))
            {
                return false;
            }

            if (i < text.Length && text[i] == (byte)'=' && !TryScanEscaped(text, i + 1, SipCharacterClass.Param, requireNonEmpty: true, out i))
            {
                return false;
            }
        }

        parts.ParametersEnd = i;

        // headers = "?" header *( "&" header ), header = hname "=" hvalue, hvalue may be empty
        parts.HeadersStart = i;
        if (i < text.Length && text[i] == (byte)'?')
        {
            do
            {
                if (!TryScanEscaped(text, i + 1, SipCharacterClass.Header, requireNonEmpty: true, out i)
                    || i >= text.Length || text[i] != (byte)'='
                    || !TryScanEscaped(text, i + 1, SipCharacterClass.Header, requireNonEmpty: false, out i))
                {
                    return false;
                }
            }
            while (i < text.Length && text[i] == (byte)'&');
        }

        parts.HeadersEnd = i;
        return i == text.Length;
    }

    private static bool TryParseTel(ReadOnlySpan<byte> text, int start, ref SipUriParts parts)
    {
        int numberEnd = text[start..].IndexOf((byte)';');
        numberEnd = numberEnd < 0 ? text.Length : start + numberEnd;
        ReadOnlySpan<byte> number = text[start..numberEnd];
        bool global = !number.IsEmpty && number[0] == (byte)'+';
        if (global ? !IsGlobalNumberDigits(number) : !IsLocalNumberDigits(number))
        {
            return false;
        }

        parts.UserStart = start;
        parts.UserEnd = numberEnd;
        parts.ParametersStart = numberEnd;

        // par = parameter / extension / isdn-subaddress, parameter = ";" pname ["=" pvalue], pname = 1*( alphanum / "-" )
        bool hasContext = false;
        int i = numberEnd;
        while (i < text.Length && text[i] == (byte)';')
        {
            int nameStart = i + 1;
            int nameEnd = nameStart;
            while (nameEnd < text.Length && (SipCharacters.IsAlphaNumeric(text[nameEnd]) || text[nameEnd] == (byte)'-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                return false;
            }

            ReadOnlySpan<byte> name = text[nameStart..nameEnd];
            i = nameEnd;
            if (i < text.Length && text[i] == (byte)'=')
            {
                if (!TryScanEscaped(text, i + 1, SipCharacterClass.Param, requireNonEmpty: true, out int valueEnd))
                {
                    return false;
                }

                ReadOnlySpan<byte> value = text[(i + 1)..valueEnd];
                if (SipSyntax.EqualsIgnoreCase(name, "phone-context"))
                {
                    // descriptor = domainname / global-number-digits
                    if (hasContext || !(value[0] == (byte)'+' ? IsGlobalNumberDigits(value) : HostSyntax.IsHostname(value)))
                    {
                        return false;
                    }

                    hasContext = true;
                }
                else if (SipSyntax.EqualsIgnoreCase(name, "ext") && !IsPhoneDigits(value))
                {
                    return false;
                }

                i = valueEnd;
            }
            else if (SipSyntax.EqualsIgnoreCase(name, "phone-context") || SipSyntax.EqualsIgnoreCase(name, "ext") || SipSyntax.EqualsIgnoreCase(name, "isub"))
            {
                return false;
            }
        }

        parts.ParametersEnd = i;
        parts.HeadersStart = parts.HeadersEnd = i;

        // A local number means nothing without the context it is local to (RFC 3966 §5.1.5).
        return i == text.Length && (global || hasContext);
    }

    private static bool TryParseOpaque(ReadOnlySpan<byte> text, int start, ref SipUriParts parts)
    {
        // absoluteURI (RFC 2396): hier-part or opaque-part, both made of uric; '[' and ']' too for IPv6 hosts (RFC 2732).
        if (start >= text.Length)
        {
            return false;
        }

        for (int i = start; i < text.Length; i++)
        {
            byte b = text[i];
            if (b == (byte)'%')
            {
                if (i + 2 >= text.Length || !SipCharacters.IsHexDigit(text[i + 1]) || !SipCharacters.IsHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!SipCharacters.Is(b, SipCharacterClass.Uric) && b != (byte)'[' && b != (byte)']')
            {
                return false;
            }
        }

        parts.ParametersStart = parts.ParametersEnd = parts.HeadersStart = parts.HeadersEnd = text.Length;
        return true;
    }

    /// <summary>
    /// user = 1*( unreserved / escaped / user-unreserved ). A '#' is also let through: the telephone-subscriber
    /// alternative of RFC 3261's userinfo carries DTMF digits such as <c>*21#</c>.
    /// </summary>
    private static bool IsValidUser(ReadOnlySpan<byte> user)
    {
        if (user.IsEmpty)
        {
            return false;
        }

        for (int i = 0; i < user.Length; i++)
        {
            byte b = user[i];
            if (b == (byte)'%')
            {
                if (i + 2 >= user.Length || !SipCharacters.IsHexDigit(user[i + 1]) || !SipCharacters.IsHexDigit(user[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!SipCharacters.Is(b, SipCharacterClass.User) && b != (byte)'#')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Scans characters of <paramref name="allowed"/> and escapes; fails on a malformed escape.</summary>
    private static bool TryScanEscaped(ReadOnlySpan<byte> text, int i, SipCharacterClass allowed, bool requireNonEmpty, out int end)
    {
        int start = i;
        while (i < text.Length)
        {
            byte b = text[i];
            if (b == (byte)'%')
            {
                if (i + 2 >= text.Length || !SipCharacters.IsHexDigit(text[i + 1]) || !SipCharacters.IsHexDigit(text[i + 2]))
                {
                    end = i;
                    return false;
                }

                i += 3;
            }
            else if (SipCharacters.Is(b, allowed))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        end = i;
        return !requireNonEmpty || i > start;
    }

    /// <summary>global-number-digits = "+" *phonedigit DIGIT *phonedigit.</summary>
    private static bool IsGlobalNumberDigits(ReadOnlySpan<byte> text) =>
        text.Length > 1 && text[0] == (byte)'+' && IsPhoneDigits(text[1..]);

    /// <summary>1*phonedigit with at least one DIGIT; phonedigit = DIGIT / visual-separator.</summary>
    private static bool IsPhoneDigits(ReadOnlySpan<byte> text)
    {
        bool digit = false;
        foreach (byte b in text)
        {
            if (SipCharacters.IsDigit(b))
            {
                digit = true;
            }
            else if (!IsVisualSeparator(b))
            {
                return false;
            }
        }

        return digit;
    }

    /// <summary>local-number-digits = *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex.</summary>
    private static bool IsLocalNumberDigits(ReadOnlySpan<byte> text)
    {
        bool digit = false;
        foreach (byte b in text)
        {
            if (SipCharacters.IsHexDigit(b) || b == (byte)'*' || b == (byte)'#')
            {
                digit = true;
            }
            else if (!IsVisualSeparator(b))
            {
                return false;
            }
        }

        return digit;
    }

    /// <summary>visual-separator = "-" / "." / "(" / ")".</summary>
    internal static bool IsVisualSeparator(byte b) => b == (byte)'-' || b == (byte)'.' || b == (byte)'(' || b == (byte)')';
}
