using System.Text;

namespace Gateway.Sip.Tests;

/// <summary>
/// A deliberately tiny, test-side scanner for vector files: it splits the start line, the header lines (keeping
/// each raw value exactly as it follows the colon, folding included) and the body. It exists only because the real
/// message parser lives in another worktree; it knows nothing about SIP beyond lines and colons.
/// </summary>
internal sealed class RawMessage
{
    private RawMessage(byte[] bytes, string startLine, List<(string Name, byte[] Value)> headers, int bodyOffset)
    {
        Bytes = bytes;
        StartLine = startLine;
        Headers = headers;
        BodyOffset = bodyOffset;
    }

    public byte[] Bytes { get; }

    public string StartLine { get; }

    /// <summary>Header names as written and raw values (after the colon, up to the CRLF that ends the header).</summary>
    public IReadOnlyList<(string Name, byte[] Value)> Headers { get; }

    /// <summary>Where the body starts (after the first empty line), or -1 when there is no empty line.</summary>
    public int BodyOffset { get; }

    public ReadOnlySpan<byte> Body => BodyOffset < 0 ? default : Bytes.AsSpan(BodyOffset);

    /// <summary>The Request-URI: what lies between the first and the last space of the start line.</summary>
    public byte[] RequestUri
    {
        get
        {
            int first = StartLine.IndexOf(' ');
            int last = StartLine.LastIndexOf(' ');
            return Encoding.UTF8.GetBytes(StartLine[(first + 1)..last]);
        }
    }

    public static RawMessage Load(string folder, string file) => Parse(VectorFiles.Read(folder, file));

    public static RawMessage Parse(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        int headerEnd = span.IndexOf("\r\n\r\n"u8);
        int bodyOffset = headerEnd < 0 ? -1 : headerEnd + 4;
        int limit = headerEnd < 0 ? bytes.Length : headerEnd + 2;

        var lines = new List<(int Start, int End)>();
        int position = 0;
        while (position < limit)
        {
            int crlf = span[position..limit].IndexOf("\r\n"u8);
            int end = crlf < 0 ? limit : position + crlf;
            lines.Add((position, end));
            position = end + 2;
        }

        string startLine = Encoding.UTF8.GetString(span[lines[0].Start..lines[0].End]);
        var headers = new List<(string, byte[])>();
        for (int i = 1; i < lines.Count; i++)
        {
            (int start, int end) = lines[i];
            if (start == end)
            {
                break;
            }

            // Continuation lines (starting with SP or HT) belong to the value, CRLF and all.
            while (i + 1 < lines.Count && lines[i + 1].End > lines[i + 1].Start && (bytes[lines[i + 1].Start] == ' ' || bytes[lines[i + 1].Start] == '\t'))
            {
                end = lines[++i].End;
            }

            int colon = span[start..end].IndexOf((byte)':');
            string name = Encoding.UTF8.GetString(span.Slice(start, colon)).TrimEnd(' ', '\t');
            headers.Add((name, span[(start + colon + 1)..end].ToArray()));
        }

        return new RawMessage(bytes, startLine, headers, bodyOffset);
    }

    /// <summary>Every raw value of the headers called any of <paramref name="names"/> (ignoring case), in order.</summary>
    public IReadOnlyList<byte[]> Values(params string[] names) =>
        Headers.Where(h => names.Any(n => string.Equals(n, h.Name, StringComparison.OrdinalIgnoreCase))).Select(h => h.Value).ToList();

    /// <summary>The raw value of the one header called any of <paramref name="names"/>.</summary>
    public byte[] Value(params string[] names) => Assert.Single(Values(names));
}
