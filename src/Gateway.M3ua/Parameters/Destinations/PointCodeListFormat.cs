using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// The wire form Affected Point Code and Originating Point Code List share (RFC 4666 §3.4.1, §3.6.1): one or more
/// 32-bit words, each a mask octet and a 24-bit point code.
/// </summary>
internal static class PointCodeListFormat
{
    public static bool TryParse(ReadOnlySpan<byte> value, out M3uaPointCode[] entries)
    {
        if (value.Length < 4 || (value.Length & 3) != 0)
        {
            entries = [];
            return false;
        }

        var list = new M3uaWordList(value);
        entries = new M3uaPointCode[list.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = list.PointCodeAt(i);
        }

        return true;
    }

    public static int Write(Span<byte> destination, M3uaPointCode[]? entries)
    {
        entries ??= [];
        for (int i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], entries[i].ToWord());
        }

        return entries.Length * 4;
    }
}
