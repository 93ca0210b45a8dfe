using System.Text;

namespace Gateway.Sip;

/// <summary>
/// The "%" HEXDIG HEXDIG escaping of URIs (RFC 3261 <c>escaped</c>, RFC 3986 <c>pct-encoded</c>). Decoding works on
/// bytes so that an escaped NUL (<c>%00</c>, RFC 4475 escnull) or a byte that is not UTF-8 survives exactly.
/// </summary>
public static class PercentEncoding
{
    private const string UpperHex = "0123456789ABCDEF";

    /// <summary>Whether every <c>%</c> in <paramref name="text"/> starts a complete escape (two hex digits).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'%')
            {
                if (!IsEscapeAt(text, i))
                {
                    return false;
                }

                i += 2;
            }
        }

        return true;
    }

    /// <summary>The bytes <paramref name="text"/> stands for, escapes resolved. Malformed escapes are copied as-is.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> text)
    {
        if (text.IndexOf((byte)'%') < 0)
        {
            return text.ToArray();
        }

        var result = new byte[DecodedLength(text)];
        Decode(text, result);
        return result;
    }

    /// <summary>The escapes resolved and the bytes read as UTF-8 (a byte sequence that is not UTF-8 reads as U+FFFD).</summary>
    public static string DecodeToString(ReadOnlySpan<byte> text)
    {
        if (text.IndexOf((byte)'%') < 0)
        {
            return Encoding.UTF8.GetString(text);
        }

        Span<byte> buffer = text.Length <= 512 ? stackalloc byte[text.Length] : new byte[text.Length];
        int length = Decode(text, buffer);
        return Encoding.UTF8.GetString(buffer[..length]);
    }

    /// <summary>Whether two escaped texts stand for the same bytes (RFC 3261 §19.1.4: compare after unescaping).</summary>
    public static bool DecodedEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.IndexOf((byte)'%') < 0 && b.IndexOf((byte)'%') < 0)
        {
            return a.SequenceEqual(b);
        }

        return Decode(a).AsSpan().SequenceEqual(Decode(b));
    }

    /// <summary>
    /// Appends <paramref name="bytes"/>, escaping every byte outside <paramref name="allowed"/> and every <c>%</c>.
    /// </summary>
    internal static void AppendEncoded(StringBuilder builder, ReadOnlySpan<byte> bytes, SipCharacterClass allowed)
    {
        foreach (byte b in bytes)
        {
            if (b != (byte)'%' && SipCharacters.Is(b, allowed))
            {
                builder.Append((char)b);
            }
            else
            {
                AppendEscape(builder, b);
            }
        }
    }

    /// <summary>
    /// Appends already-escaped, validated text in its normal form: an escape of an unreserved character becomes the
    /// character, every other escape gets upper-case hex digits, and unescaped characters are kept (RFC 3986 §6.2.2).
    /// The form is lossless: it stands for the same bytes.
    /// </summary>
    internal static void AppendNormalized(StringBuilder builder, ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (IsEscapeAt(text, i))
            {
                byte decoded = (byte)((SipCharacters.HexValue(text[i + 1]) << 4) | SipCharacters.HexValue(text[i + 2]));
                if (SipCharacters.Is(decoded, SipCharacterClass.Unreserved))
                {
                    builder.Append((char)decoded);
                }
                else
                {
                    AppendEscape(builder, decoded);
                }

                i += 2;
            }
            else
            {
                builder.Append((char)b);
            }
        }
    }

    /// <summary>
    /// Validates text made of <paramref name="allowed"/> characters and escapes; with <paramref name="requireNonEmpty"/>
    /// an empty text fails too.
    /// </summary>
    internal static bool IsValid(ReadOnlySpan<byte> text, SipCharacterClass allowed, bool requireNonEmpty)
    {
        if (text.IsEmpty)
        {
            return !requireNonEmpty;
        }

        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (b == (byte)'%')
            {
                if (!IsEscapeAt(text, i))
                {
                    return false;
                }

                i += 2;
            }
            else if (!SipCharacters.Is(b, allowed))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendEscape(StringBuilder builder, byte b) =>
        builder.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);

    private static int DecodedLength(ReadOnlySpan<byte> text)
    {
        int length = 0;
        for (int i = 0; i < text.Length; i++, length++)
        {
            if (IsEscapeAt(text, i))
            {
                i += 2;
            }
        }

        return length;
    }

    private static int Decode(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        int length = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsEscapeAt(text, i))
            {
                destination[length++] = (byte)((SipCharacters.HexValue(text[i + 1]) << 4) | SipCharacters.HexValue(text[i + 2]));
                i += 2;
            }
            else
            {
                destination[length++] = text[i];
            }
        }

        return length;
    }

    private static bool IsEscapeAt(ReadOnlySpan<byte> text, int i) =>
        text[i] == (byte)'%' && i + 2 < text.Length && SipCharacters.IsHexDigit(text[i + 1]) && SipCharacters.IsHexDigit(text[i + 2]);
}
