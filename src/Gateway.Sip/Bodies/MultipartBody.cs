using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// Multipart bodies (RFC 2046 §5.1, RFC 5621 for SIP): a SIP-I/SIP-T message carries SDP and a binary ISUP message
/// side by side in <c>multipart/mixed</c>.
/// </summary>
/// <remarks>
/// <para>
/// Parsing follows the RFC 2046 grammar exactly where it matters for binary content: a delimiter is
/// <c>CRLF "--" boundary</c> (or <c>"--" boundary</c> at the very start of the body) followed by optional
/// transport padding and CRLF, or by <c>"--"</c> for the close delimiter. The CRLF before a delimiter belongs to the
/// delimiter, not to the part, so a part's content is exact to the byte. A line that merely starts with
/// <c>--boundary</c> and continues with other characters is content. The preamble and epilogue are ignored; the close
/// delimiter is required and at least one part must be present.
/// </para>
/// <para>Bare LF line ends are not accepted: in a binary part an LF is data, so guessing would corrupt it.</para>
/// </remarks>
public static class MultipartBody
{
    /// <summary>Parses a multipart body into <paramref name="parts"/>; on failure nothing is added.</summary>
    /// <param name="body">The message body (its Content-Length octets).</param>
    /// <param name="boundary">The <c>boundary</c> parameter of the Content-Type, unquoted.</param>
    /// <param name="parts">Receives the parts, in order. Their content refers to one copy of the body.</param>
    /// <returns>False when the boundary is invalid, no part is found or the close delimiter is missing.</returns>
    public static bool TryParse(ReadOnlySpan<byte> body, ReadOnlySpan<byte> boundary, List<BodyPart> parts)
    {
        if (!IsValidBoundary(boundary))
        {
            return false;
        }

        byte[] copy = body.ToArray();
        ReadOnlySpan<byte> s = copy;
        byte[] delimiter = [(byte)'\r', (byte)'\n', (byte)'-', (byte)'-', .. boundary];

        // The first delimiter may open the body without a preceding CRLF (no preamble).
        int partStart = 0;
        bool closed = false;
        bool opensBody = s.StartsWith(delimiter.AsSpan(2)) && TryReadDelimiterEnd(s, delimiter.Length - 2, out partStart, out closed);
        if ((!opensBody && !TryFindDelimiter(s, 0, delimiter, out _, out partStart, out closed)) || closed)
        {
            return false;
        }

        var found = new List<BodyPart>();
        while (!closed)
        {
            if (!TryFindDelimiter(s, partStart, delimiter, out int partEnd, out int next, out closed)
                || !TryParsePart(copy, partStart, partEnd, out BodyPart? part))
            {
                return false;
            }

            found.Add(part);
            partStart = next;
        }

        parts.AddRange(found);
        return true;
    }

    /// <summary>Parses a multipart body with a boundary given as text (see the byte overload).</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, string boundary, List<BodyPart> parts) =>
        TryParse(body, Encoding.UTF8.GetBytes(boundary), parts);

    /// <summary>
    /// Whether <paramref name="boundary"/> is a valid MIME boundary: 1 to 70 bchars (RFC 2046 §5.1.1: letters,
    /// digits and <c>'()+_,-./:=?</c> and space), not ending in a space.
    /// </summary>
    public static bool IsValidBoundary(ReadOnlySpan<byte> boundary)
    {
        if (boundary.IsEmpty || boundary.Length > 70 || boundary[^1] == (byte)' ')
        {
            return false;
        }

        foreach (byte b in boundary)
        {
            if (!SipCharacters.IsAlphaNumeric(b) && !SipCharacters.Is(b, SipCharacterClass.BoundarySymbol))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes parts as a multipart body delimited by <paramref name="boundary"/>.</summary>
    /// <exception cref="ArgumentException">The boundary is invalid, or a part's content contains its delimiter.</exception>
    public static byte[] Format(string boundary, IEnumerable<BodyPart> parts)
    {
        byte[] dashBoundary = Encoding.UTF8.GetBytes("--" + boundary);
        if (!IsValidBoundary(dashBoundary.AsSpan(2)))
        {
            throw new ArgumentException("The boundary is not a valid MIME boundary.", nameof(boundary));
        }

        byte[] delimiter = [(byte)'\r', (byte)'\n', .. dashBoundary];
        var output = new MemoryStream();
        bool any = false;
        foreach (BodyPart part in parts)
        {
            ReadOnlySpan<byte> content = part.Content.Span;
            // The blank line before the content ends in CRLF, so content starting with "--boundary" would read as a
            // delimiter too.
            if (content.IndexOf(delimiter) >= 0 || content.StartsWith(dashBoundary.AsSpan()))
            {
                throw new ArgumentException("A part contains the delimiter; choose another boundary.", nameof(parts));
            }

            output.Write(dashBoundary);
            output.Write("\r\n"u8);
            foreach (BodyPartHeader header in part.Headers)
            {
                output.Write(Encoding.UTF8.GetBytes(header.Name));
                output.Write(": "u8);
                output.Write(SipSyntax.TrimLinearWhitespace(header.Value.Span));
                output.Write("\r\n"u8);
            }

            output.Write("\r\n"u8);
            output.Write(content);
            output.Write("\r\n"u8);
            any = true;
        }

        if (!any)
        {
            throw new ArgumentException("A multipart body needs at least one part.", nameof(parts));
        }

        output.Write(dashBoundary);
        output.Write("--\r\n"u8);
        return output.ToArray();
    }

    /// <summary>
    /// Finds the next real delimiter (CRLF--boundary followed by padding and CRLF, or by "--") from
    /// <paramref name="from"/>.
    /// </summary>
    private static bool TryFindDelimiter(ReadOnlySpan<byte> s, int from, byte[] delimiter, out int start, out int next, out bool closed)
    {
        int searchFrom = from;
        while (searchFrom <= s.Length - delimiter.Length)
        {
            int index = s[searchFrom..].IndexOf(delimiter);
            if (index < 0)
            {
                break;
            }

            start = searchFrom + index;
            if (TryReadDelimiterEnd(s, start + delimiter.Length, out next, out closed))
            {
                return true;
            }

            searchFrom = start + 1;
        }

        start = next = 0;
        closed = false;
        return false;
    }

    /// <summary>After "--boundary": "--" closes; otherwise transport padding (SP/HT) and CRLF end the delimiter line.</summary>
    private static bool TryReadDelimiterEnd(ReadOnlySpan<byte> s, int i, out int next, out bool closed)
    {
        next = 0;
        closed = i + 1 < s.Length && s[i] == (byte)'-' && s[i + 1] == (byte)'-';
        if (closed)
        {
            return true;
        }

        while (i < s.Length && SipSyntax.IsWhitespace(s[i]))
        {
            i++;
        }

        if (i + 1 >= s.Length || s[i] != (byte)'\r' || s[i + 1] != (byte)'\n')
        {
            return false;
        }

        next = i + 2;
        return true;
    }

    private static bool TryParsePart(byte[] body, int start, int end, [NotNullWhen(true)] out BodyPart? part)
    {
        part = null;
        ReadOnlySpan<byte> s = body.AsSpan(0, end);
        var headers = new List<BodyPartHeader>();
        int i = start;
        int contentStart = end;
        while (i < end)
        {
            int lineEnd = s[i..].IndexOf("\r\n"u8);
            lineEnd = lineEnd < 0 ? end : i + lineEnd;
            if (lineEnd == i)
            {
                // The blank line: the content follows.
                contentStart = i + 2;
                break;
            }

            // A line starting with SP or HT continues the header above it.
            while (lineEnd + 2 < end && SipSyntax.IsWhitespace(s[lineEnd + 2]))
            {
                int following = s[(lineEnd + 2)..].IndexOf("\r\n"u8);
                lineEnd = following < 0 ? end : lineEnd + 2 + following;
            }

            ReadOnlySpan<byte> line = s[i..lineEnd];
            int colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsFieldName(line[..colon].TrimEnd(" \t"u8)))
            {
                return false;
            }

            string name = Encoding.ASCII.GetString(line[..colon].TrimEnd(" \t"u8));
            headers.Add(new BodyPartHeader(name, body.AsMemory(i + colon + 1, lineEnd - i - colon - 1)));
            i = lineEnd + 2;
        }

        part = new BodyPart(headers, body.AsMemory(Math.Min(contentStart, end), end - Math.Min(contentStart, end)));
        return true;
    }

    /// <summary>field-name = 1*(printable US-ASCII except ":"), RFC 5322 §3.6.8.</summary>
    private static bool IsFieldName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (byte b in name)
        {
            if (b < 33 || b > 126)
            {
                return false;
            }
        }

        return true;
    }
}
