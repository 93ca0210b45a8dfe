using System.Buffers;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// Low-level scanning of SIP header text (RFC 3261 §25.1): linear whitespace including folded lines, tokens,
/// quoted strings and the SWS-padded separators. Everything works on the raw UTF-8 bytes of a header value with
/// its line folding still in place, and reports positions rather than allocating.
/// </summary>
public static class SipSyntax
{
    /// <summary>
    /// Whether <paramref name="text"/> starts with a typographic double quote, U+201C or U+201D in UTF-8: word processors
    /// turn straight quotes into either (the seeds show both <c>“Busy Here”</c> and <c>”call completed elsewhere”</c>).
    /// </summary>
    internal static bool StartsWithTypographicQuote(ReadOnlySpan<byte> text) =>
        text.Length >= 3 && text[0] == 0xE2 && text[1] == 0x80 && (text[2] == 0x9C || text[2] == 0x9D);

    /// <summary>The length in bytes of a typographic double quote.</summary>
    internal const int TypographicQuoteLength = 3;

    /// <summary>SP or HTAB: WSP in the grammar.</summary>
    public static bool IsWhitespace(byte b) => b == (byte)' ' || b == (byte)'\t';

    /// <summary>Whether <paramref name="b"/> is a token character.</summary>
    public static bool IsTokenByte(byte b) => SipCharacters.IsToken(b);

    /// <summary>Whether <paramref name="text"/> is exactly one token (non-empty, token characters only).</summary>
    public static bool IsToken(ReadOnlySpan<byte> text) => !text.IsEmpty && ScanToken(text, 0) == text.Length;

    /// <summary>
    /// Skips linear whitespace from <paramref name="index"/>: SP, HTAB and folds (CRLF followed by SP or HTAB).
    /// A CRLF that is not followed by whitespace ends a header line, so it is not skipped.
    /// </summary>
    /// <returns>The index of the first byte that is not linear whitespace (the length if none).</returns>
    public static int SkipLinearWhitespace(ReadOnlySpan<byte> text, int index)
    {
        while (index < text.Length)
        {
            byte b = text[index];
            if (IsWhitespace(b))
            {
                index++;
            }
            else if (b == (byte)'\r' && index + 2 < text.Length && text[index + 1] == (byte)'\n' && IsWhitespace(text[index + 2]))
            {
                index += 3;
            }
            else
            {
                break;
            }
        }

        return index;
    }

    /// <summary>
    /// Removes leading linear whitespace and trailing SP, HTAB, CR and LF: the raw value after a header colon,
    /// reduced to its content.
    /// </summary>
    public static ReadOnlySpan<byte> TrimLinearWhitespace(ReadOnlySpan<byte> text)
    {
        int start = 0;
        while (start < text.Length && (IsWhitespace(text[start]) || text[start] == (byte)'\r' || text[start] == (byte)'\n'))
        {
            start++;
        }

        int end = text.Length;
        while (end > start && (IsWhitespace(text[end - 1]) || text[end - 1] == (byte)'\r' || text[end - 1] == (byte)'\n'))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>Scans token characters from <paramref name="index"/>.</summary>
    /// <returns>The index after the last token character (equal to <paramref name="index"/> when there is none).</returns>
    public static int ScanToken(ReadOnlySpan<byte> text, int index)
    {
        while (index < text.Length && SipCharacters.IsToken(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>
    /// Reads an SWS-padded separator (SEMI, COMMA, EQUAL, SLASH, COLON... in RFC 3261 terms) at <paramref name="index"/>:
    /// optional linear whitespace, <paramref name="separator"/>, optional linear whitespace.
    /// </summary>
    /// <returns>Whether the separator was there; <paramref name="index"/> moves past it only if it was.</returns>
    public static bool TryReadSeparator(ReadOnlySpan<byte> text, ref int index, byte separator)
    {
        int i = SkipLinearWhitespace(text, index);
        if (i >= text.Length || text[i] != separator)
        {
            return false;
        }

        index = SkipLinearWhitespace(text, i + 1);
        return true;
    }

    /// <summary>
    /// Validates a quoted-string starting with the DQUOTE at <paramref name="index"/>: qdtext (with folded LWS and
    /// well-formed UTF-8) and quoted-pairs up to the closing DQUOTE.
    /// </summary>
    /// <param name="text">The header text.</param>
    /// <param name="index">The position of the opening DQUOTE.</param>
    /// <param name="end">The index just after the closing DQUOTE.</param>
    /// <returns>False when there is no opening quote, the string is unterminated or it holds a forbidden byte.</returns>
    public static bool TryScanQuotedString(ReadOnlySpan<byte> text, int index, out int end)
    {
        end = index;
        if (index >= text.Length || text[index] != (byte)'"')
        {
            return false;
        }

        int i = index + 1;
        while (i < text.Length)
        {
            byte b = text[i];
            if (b == (byte)'"')
            {
                end = i + 1;
                return true;
            }

            if (b == (byte)'\\')
            {
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F): CR and LF cannot be escaped.
                if (i + 1 >= text.Length || text[i + 1] > 0x7F || text[i + 1] == (byte)'\r' || text[i + 1] == (byte)'\n')
                {
                    return false;
                }

                i += 2;
            }
            else if (b == (byte)'\r')
            {
                if (i + 2 >= text.Length || text[i + 1] != (byte)'\n' || !IsWhitespace(text[i + 2]))
                {
                    return false;
                }

                i += 3;
            }
            else if (b < 0x80)
            {
                if ((b < 0x20 && b != (byte)'\t') || b == 0x7F)
                {
                    return false;
                }

                i++;
            }
            else
            {
                // UTF8-NONASCII: only complete, well-formed sequences.
                if (Rune.DecodeFromUtf8(text[i..], out _, out int consumed) != OperationStatus.Done)
                {
                    return false;
                }

                i += consumed;
            }
        }

        return false;
    }

    /// <summary>
    /// The text of a quoted-string (which the caller has validated with <see cref="TryScanQuotedString"/>),
    /// without its quotes, with quoted-pairs resolved and folds reduced to the whitespace that follows them.
    /// </summary>
    /// <param name="quoted">The quoted-string including both DQUOTEs.</param>
    public static string Unquote(ReadOnlySpan<byte> quoted)
    {
        ReadOnlySpan<byte> content = quoted[1..^1];
        if (content.IndexOfAny((byte)'\\', (byte)'\r') < 0)
        {
            return Encoding.UTF8.GetString(content);
        }

        byte[]? rented = null;
        Span<byte> buffer = content.Length <= 256 ? stackalloc byte[content.Length] : (rented = ArrayPool<byte>.Shared.Rent(content.Length));
        int length = 0;
        for (int i = 0; i < content.Length; i++)
        {
            byte b = content[i];
            if (b == (byte)'\\' && i + 1 < content.Length)
            {
                buffer[length++] = content[++i];
            }
            else if (b == (byte)'\r' && i + 1 < content.Length && content[i + 1] == (byte)'\n')
            {
                // A fold is equivalent to the whitespace after it (RFC 3261 §7.3.1).
                i++;
            }
            else
            {
                buffer[length++] = b;
            }
        }

        string result = Encoding.UTF8.GetString(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>
    /// Appends <paramref name="text"/> as a quoted-string: DQUOTE and backslash are escaped, other control characters
    /// are written as quoted-pairs, and CR or LF (which no quoted-string can carry) become a space.
    /// </summary>
    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (char c in text)
        {
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '\r' || c == '\n')
            {
                builder.Append(' ');
            }
            else if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }

    /// <summary><paramref name="text"/> as a quoted-string (see <see cref="AppendQuoted"/>).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text);
        return builder.ToString();
    }

    /// <summary>
    /// Parses 1*DIGIT at <paramref name="index"/> into a non-negative value no larger than <paramref name="max"/>.
    /// Leading zeros are allowed (RFC 4475 wsinv: "0068"); a value above the limit fails rather than wrapping.
    /// </summary>
    internal static bool TryParseDigits(ReadOnlySpan<byte> text, ref int index, long max, out long value)
    {
        value = 0;
        int i = index;
        while (i < text.Length && SipCharacters.IsDigit(text[i]))
        {
            value = value * 10 + (text[i] - '0');
            if (value > max)
            {
                return false;
            }

            i++;
        }

        if (i == index)
        {
            return false;
        }

        index = i;
        return true;
    }

    /// <summary>Exactly 1*DIGIT, nothing else, no larger than <paramref name="max"/>.</summary>
    internal static bool TryParseNumber(ReadOnlySpan<byte> text, long max, out long value)
    {
        int index = 0;
        return TryParseDigits(text, ref index, max, out value) && index == text.Length;
    }

    /// <summary>Case-insensitive comparison of ASCII bytes with an ASCII literal.</summary>
    internal static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, string literal)
    {
        if (text.Length != literal.Length)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            int a = text[i];
            int b = literal[i];
            if (a != b && ((a | 0x20) != (b | 0x20) || (uint)((a | 0x20) - 'a') > 'z' - 'a'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bytes as a string: UTF-8, which for the ASCII-only parts of the grammar is also exact.</summary>
    internal static string GetString(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text);
}
