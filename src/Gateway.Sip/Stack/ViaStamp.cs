using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// The parameters a server adds to the top Via of a request it receives (RFC 3261 §18.2.1, RFC 3581 §4): <c>received</c>
/// with the source address, and the value of an empty <c>rport</c> with the source port. The received message's buffer
/// is left alone; the stamp is kept beside it and applied when a response copies the Via headers, which is the only
/// place the stamped Via appears on the wire.
/// </summary>
/// <param name="Received">The source address to write as <c>received</c>, or null when none is due.</param>
/// <param name="Rport">The source port to write as the value of <c>rport</c>, or null when none is due.</param>
internal readonly record struct ViaStamp(string? Received, int? Rport)
{
    /// <summary>Whether nothing is to be added.</summary>
    public bool IsEmpty => Received is null && Rport is null;

    /// <summary>
    /// What to stamp into <paramref name="topVia"/> for a request from <paramref name="source"/>: <c>received</c> when the
    /// sent-by host is a name or an address other than the source's (§18.2.1), and both <c>received</c> and the
    /// <c>rport</c> value when the Via has an empty <c>rport</c> (RFC 3581 §4: received even if equal).
    /// </summary>
    public static ViaStamp For(ViaHeader topVia, IPEndPoint source)
    {
        IPAddress address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        bool wantsRport = topVia.HasRport && topVia.Rport is null;
        bool sameHost = TryParseHost(topVia.Host, out IPAddress? host) && host.Equals(address);
        string? received = wantsRport || !sameHost ? address.ToString() : null;
        return new ViaStamp(received, wantsRport ? source.Port : null);
    }

    /// <summary>Parses a sent-by host that is an IP literal (an IPv6 reference loses its brackets).</summary>
    public static bool TryParseHost(string host, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        ReadOnlySpan<char> text = host.AsSpan();
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1];
        }

        return IPAddress.TryParse(text, out address);
    }

    /// <summary>
    /// The first Via header value of a request with the stamp applied to its first via-parm: an empty <c>rport</c>
    /// gets its value where it stands, and <c>received</c> is appended (replacing one the sender may have written).
    /// The rest of the value — other via-parms of the same line — is copied unchanged.
    /// </summary>
    /// <param name="value">The raw first Via header value as received.</param>
    /// <returns>The value to write in responses.</returns>
    public byte[] Apply(ReadOnlySpan<byte> value)
    {
        if (IsEmpty)
        {
            return value.ToArray();
        }

        var elements = new CommaSeparatedValues(value);
        if (!elements.MoveNext())
        {
            return value.ToArray();
        }

        (int start, int length) = elements.CurrentRange.GetOffsetAndLength(value.Length);
        int end = start + length;
        ArrayBufferWriter<byte> output = ScratchBuffer.Take();
        int cursor = 0;

        // Parameters start at the first ';' outside a quoted-string (the sent-by itself holds neither).
        int i = start;
        while (true)
        {
            int separator = NextSemicolon(value, i, end);
            if (separator < 0)
            {
                break;
            }

            int next = NextSemicolon(value, separator + 1, end);
            int segmentEnd = next < 0 ? end : next;
            int nameStart = SipSyntax.SkipLinearWhitespace(value[..segmentEnd], separator + 1);
            int nameEnd = SipSyntax.ScanToken(value[..segmentEnd], nameStart);
            ReadOnlySpan<byte> name = value[nameStart..nameEnd];
            bool hasValue = SipSyntax.SkipLinearWhitespace(value[..segmentEnd], nameEnd) < segmentEnd;
            if (Rport is int port && !hasValue && Ascii.EqualsIgnoreCase(name, "rport"u8))
            {
                output.Write(value[cursor..nameEnd]);
                Write(output, "=" + port.ToString(CultureInfo.InvariantCulture));
                cursor = nameEnd;
            }
            else if (Received is not null && Ascii.EqualsIgnoreCase(name, "received"u8))
            {
                output.Write(value[cursor..separator]);
                cursor = segmentEnd;
            }

            i = segmentEnd;
        }

        output.Write(value[cursor..end]);
        if (Received is not null)
        {
            Write(output, ";received=" + Received);
        }

        output.Write(value[end..]);
        return ScratchBuffer.ToArrayAndReturn(output);
    }

    private static int NextSemicolon(ReadOnlySpan<byte> value, int from, int end)
    {
        bool quoted = false;
        for (int i = from; i < end; i++)
        {
            byte b = value[i];
            if (quoted)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    quoted = false;
                }
            }
            else if (b == (byte)'"')
            {
                quoted = true;
            }
            else if (b == (byte)';')
            {
                return i;
            }
        }

        return -1;
    }

    private static void Write(ArrayBufferWriter<byte> output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
