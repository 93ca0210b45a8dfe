using System.Text;

namespace Gateway.Tracing;

/// <summary>
/// Finds the Call-ID of a raw SIP message without parsing it or allocating: the filter runs on the daemon's hot path
/// for every message, and a trace must never fail on a message the SIP stack itself would reject.
/// </summary>
internal static class SipCallIdReader
{
    /// <summary>
    /// The trimmed value of the first <c>Call-ID</c> (or compact <c>i</c>) header field, looked for from the second line
    /// to the blank line ending the header; false when there is none.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out ReadOnlySpan<byte> callId)
    {
        callId = default;

        // The start line never holds a header field; skipping it also keeps "INVITE sip:..." from looking like one.
        int end = message.IndexOf((byte)'\n');
        if (end < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = message[(end + 1)..];
        while (!rest.IsEmpty)
        {
            end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                return false; // end of the header: the body's lines are not header fields
            }

            int colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            ReadOnlySpan<byte> name = line[..colon].TrimEnd(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Call-ID"u8) || Ascii.EqualsIgnoreCase(name, "i"u8))
            {
                callId = line[(colon + 1)..].Trim(" \t"u8);
                return !callId.IsEmpty;
            }
        }

        return false;
    }
}
