using System.Text;

namespace Gateway.Metrics;

/// <summary>
/// The request line of an HTTP/1.x request (RFC 9112 §3), which is all the metrics endpoint needs; header fields are
/// only checked to be header fields. <see cref="Path"/> is the target without its query.
/// </summary>
internal readonly record struct HttpRequestHead(string Method, string Path)
{
    private const int MaxMethodLength = 16;

    /// <summary>
    /// Judges the bytes received so far. The request line is checked as soon as its bytes arrive, so a client speaking
    /// something else (TLS, a stray protocol) gets its 400 at once rather than after the read timeout.
    /// </summary>
    public static HttpHeadParse Parse(ReadOnlySpan<byte> received, out HttpRequestHead head)
    {
        head = default;
        int lineEnd = received.IndexOf((byte)'\n');
        var requestLine = lineEnd < 0 ? received : TrimCarriageReturn(received[..lineEnd]);
        foreach (byte b in requestLine)
        {
            if (b is < 0x20 or > 0x7E) return HttpHeadParse.Invalid;
        }
        if (lineEnd < 0) return HttpHeadParse.Incomplete;
        if (!TryParseRequestLine(requestLine, out head)) return HttpHeadParse.Invalid;

        // Each further line is a header field until the empty line that ends the head.
        var rest = received[(lineEnd + 1)..];
        while (true)
        {
            int end = rest.IndexOf((byte)'\n');
            if (end < 0) return HttpHeadParse.Incomplete;
            var line = TrimCarriageReturn(rest[..end]);
            if (line.IsEmpty) return HttpHeadParse.Complete;
            if (!IsHeaderField(line)) return HttpHeadParse.Invalid;
            rest = rest[(end + 1)..];
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, out HttpRequestHead head)
    {
        head = default;
        int firstSpace = line.IndexOf((byte)' ');
        if (firstSpace is < 1 or > MaxMethodLength) return false;
        var method = line[..firstSpace];
        var afterMethod = line[(firstSpace + 1)..];
        int secondSpace = afterMethod.IndexOf((byte)' ');
        if (secondSpace < 1) return false;
        var target = afterMethod[..secondSpace];
        var version = afterMethod[(secondSpace + 1)..];
        if (!version.SequenceEqual("HTTP/1.1"u8) && !version.SequenceEqual("HTTP/1.0"u8)) return false;
        foreach (byte b in method)
        {
            if (!char.IsAsciiLetterUpper((char)b)) return false;
        }
        // Origin form only: a proxy's absolute form or a CONNECT's authority form is not for this endpoint.
        if (target[0] != (byte)'/') return false;
        int query = target.IndexOf((byte)'?');
        var path = query < 0 ? target : target[..query];
        head = new HttpRequestHead(Encoding.ASCII.GetString(method), Encoding.ASCII.GetString(path));
        return true;
    }

    private static bool IsHeaderField(ReadOnlySpan<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        if (colon < 1) return false;
        foreach (byte b in line[..colon])
        {
            if (b is <= 0x20 or >= 0x7F) return false;
        }
        foreach (byte b in line[(colon + 1)..])
        {
            // Field values may carry tabs and, for old clients, Latin-1 bytes; only other control characters are wrong.
            if (b is < 0x20 and not (byte)'\t' || b == 0x7F) return false;
        }
        return true;
    }
}
