namespace Gateway.Sip;

/// <summary>
/// The RFC 3261 <c>host</c> rule: hostname, IPv4address or IPv6reference, validated strictly (labels cannot start
/// or end with a hyphen, the top label starts with a letter, IPv4 octets are at most 255, IPv6 has eight groups or
/// one "::").
/// </summary>
internal static class HostSyntax
{
    /// <summary>
    /// Scans a host at <paramref name="start"/>: either <c>[IPv6]</c>, or the longest run of alphanumerics, "-" and ".",
    /// which must then be a valid IPv4 address or hostname. The caller checks what follows.
    /// </summary>
    public static bool TryScanHost(ReadOnlySpan<byte> text, int start, out int end, out SipUriHostKind kind)
    {
        end = start;
        kind = SipUriHostKind.None;
        if (start >= text.Length)
        {
            return false;
        }

        if (text[start] == (byte)'[')
        {
            int close = text[start..].IndexOf((byte)']');
            if (close < 0 || !IsIPv6Address(text.Slice(start + 1, close - 1)))
            {
                return false;
            }

            end = start + close + 1;
            kind = SipUriHostKind.IPv6;
            return true;
        }

        int i = start;
        while (i < text.Length && (SipCharacters.IsAlphaNumeric(text[i]) || text[i] == (byte)'-' || text[i] == (byte)'.'))
        {
            i++;
        }

        if (!Classify(text[start..i], out kind))
        {
            return false;
        }

        end = i;
        return true;
    }

    /// <summary>Whether <paramref name="host"/> is exactly one host, and of which kind.</summary>
    public static bool TryClassify(ReadOnlySpan<byte> host, out SipUriHostKind kind) =>
        TryScanHost(host, 0, out int end, out kind) && end == host.Length;

    /// <summary>IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT, each at most 255.</summary>
    public static bool IsIPv4Address(ReadOnlySpan<byte> text)
    {
        int i = 0;
        for (int octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= text.Length || text[i] != (byte)'.')
                {
                    return false;
                }

                i++;
            }

            int digits = 0;
            int value = 0;
            while (i < text.Length && SipCharacters.IsDigit(text[i]) && digits < 3)
            {
                value = value * 10 + (text[i] - '0');
                digits++;
                i++;
            }

            if (digits == 0 || value > 255)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>
    /// IPv6address = hexpart [ ":" IPv4address ], hexpart = hexseq / hexseq "::" [ hexseq ] / "::" [ hexseq ]
    /// (RFC 3261 §25.1), with the group count RFC 4291 implies: eight without "::", fewer with it.
    /// </summary>
    public static bool IsIPv6Address(ReadOnlySpan<byte> text)
    {
        if (text.Length < 2)
        {
            return false;
        }

        int groups = 0;
        bool compressed = false;
        int i = 0;
        if (text[0] == (byte)':')
        {
            if (text[1] != (byte)':')
            {
                return false;
            }

            compressed = true;
            i = 2;
            if (i == text.Length)
            {
                return true;
            }
        }

        while (true)
        {
            int j = i;
            while (j < text.Length && SipCharacters.IsHexDigit(text[j]))
            {
                j++;
            }

            if (j < text.Length && text[j] == (byte)'.')
            {
                // The embedded IPv4 address ends the address and stands for two groups.
                if (!IsIPv4Address(text[i..]))
                {
                    return false;
                }

                groups += 2;
                break;
            }

            if (j == i || j - i > 4)
            {
                return false;
            }

            groups++;
            i = j;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != (byte)':')
            {
                return false;
            }

            i++;
            if (i < text.Length && text[i] == (byte)':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
                if (i == text.Length)
                {
                    break;
                }
            }
            else if (i == text.Length)
            {
                return false;
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }

    /// <summary>hostname = *( domainlabel "." ) toplabel [ "." ].</summary>
    public static bool IsHostname(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        if (text[^1] == (byte)'.')
        {
            text = text[..^1];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<byte> label = default;
        while (!text.IsEmpty)
        {
            int dot = text.IndexOf((byte)'.');
            label = dot < 0 ? text : text[..dot];
            if (!IsLabel(label))
            {
                return false;
            }

            text = dot < 0 ? default : text[(dot + 1)..];
            if (dot >= 0 && text.IsEmpty)
            {
                return false;
            }
        }

        // The top label starts with a letter: that is what tells "example.com" from a malformed address like "1.2.3.256".
        return SipCharacters.IsAlpha(label[0]);
    }

    private static bool Classify(ReadOnlySpan<byte> host, out SipUriHostKind kind)
    {
        if (IsIPv4Address(host))
        {
            kind = SipUriHostKind.IPv4;
            return true;
        }

        kind = IsHostname(host) ? SipUriHostKind.DomainName : SipUriHostKind.None;
        return kind != SipUriHostKind.None;
    }

    private static bool IsLabel(ReadOnlySpan<byte> label)
    {
        if (label.IsEmpty || !SipCharacters.IsAlphaNumeric(label[0]) || !SipCharacters.IsAlphaNumeric(label[^1]))
        {
            return false;
        }

        foreach (byte b in label)
        {
            if (!SipCharacters.IsAlphaNumeric(b) && b != (byte)'-')
            {
                return false;
            }
        }

        return true;
    }
}
