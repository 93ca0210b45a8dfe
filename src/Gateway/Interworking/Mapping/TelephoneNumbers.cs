using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>
/// Telephone numbers between SIP URIs and ISUP address signals: which URIs hold a number, how a dial string becomes
/// a nature of address and address signals (Q.763 §3.9: <c>*</c> and <c>#</c> as codes 11 and 12, B and C), and
/// back. Allocation-light: one string per conversion.
/// </summary>
internal static class TelephoneNumbers
{
    /// <summary>The longest dial string taken: well beyond E.164's 15 digits, well within one ISUP parameter.</summary>
    private const int MaxSignals = 32;

    /// <summary>
    /// The number a URI holds: a tel URI's number, a SIP URI's user part with <c>user=phone</c>, or (when
    /// <paramref name="acceptDialString"/>) a SIP user part that is only a dial string. Null otherwise.
    /// </summary>
    public static string? NumberOf(SipUri uri, bool acceptDialString)
    {
        if (uri.TelephoneNumber is { Length: > 0 } number)
        {
            return number;
        }

        return acceptDialString && uri.IsSip && uri.User is { Length: > 0 } user && IsDialString(user) ? user : null;
    }

    /// <summary>
    /// Converts a dial string into a nature of address and address signals: a leading <c>+</c> → international
    /// number; otherwise the first matching prefix rule, else the default nature. False when nothing usable remains.
    /// </summary>
    public static bool TryToAddressSignals(string number, CallMappingOptions options, out NatureOfAddress nature, out string signals)
    {
        nature = options.DefaultNatureOfAddress;
        signals = string.Empty;
        ReadOnlySpan<char> text = number.AsSpan();
        bool global = !text.IsEmpty && text[0] == '+';
        if (global)
        {
            text = text[1..];
        }

        Span<char> buffer = stackalloc char[MaxSignals];
        int count = 0;
        foreach (char c in text)
        {
            char signal = c switch
            {
                >= '0' and <= '9' => c,
                '*' => 'B',
                '#' => 'C',
                '-' or '.' or '(' or ')' => '\0',
                _ => '?',
            };
            if (signal == '\0')
            {
                continue;
            }

            if (signal == '?' || count == MaxSignals)
            {
                return false;
            }

            buffer[count++] = signal;
        }

        ReadOnlySpan<char> digits = buffer[..count];
        if (global)
        {
            nature = NatureOfAddress.InternationalNumber;
        }
        else
        {
            foreach (NumberPrefixRule rule in options.NumberPrefixRules)
            {
                if (rule.Prefix.Length > 0 && digits.StartsWith(rule.Prefix.AsSpan(), StringComparison.Ordinal))
                {
                    digits = digits[rule.Prefix.Length..];
                    nature = rule.NatureOfAddress;
                    break;
                }
            }
        }

        if (digits.IsEmpty)
        {
            return false;
        }

        signals = new string(digits);
        return true;
    }

    /// <summary>
    /// Address signals as a dial string: <c>+</c> first for an international number, B and C as <c>*</c> and
    /// <c>#</c>, ST and the spare codes left out. Null when no digit remains.
    /// </summary>
    public static string? ToDialString(NatureOfAddress nature, string signals, bool escapeHash)
    {
        Span<char> buffer = stackalloc char[1 + (signals.Length * 3)];
        int count = 0;
        if (nature == NatureOfAddress.InternationalNumber)
        {
            buffer[count++] = '+';
        }

        int start = count;
        foreach (char c in signals)
        {
            switch (c)
            {
                case >= '0' and <= '9':
                    buffer[count++] = c;
                    break;
                case 'B':
                    buffer[count++] = '*';
                    break;
                case 'C' when escapeHash:
                    buffer[count++] = '%';
                    buffer[count++] = '2';
                    buffer[count++] = '3';
                    break;
                case 'C':
                    buffer[count++] = '#';
                    break;
                default:
                    break;
            }
        }

        return count == start ? null : new string(buffer[..count]);
    }

    private static bool IsDialString(string user)
    {
        bool digit = false;
        for (int i = 0; i < user.Length; i++)
        {
            char c = user[i];
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (!(c is '*' or '#' or '-' or '.' or '(' or ')' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return digit;
    }
}
