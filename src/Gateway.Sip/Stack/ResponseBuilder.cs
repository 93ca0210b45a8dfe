using System.Buffers;

namespace Gateway.Sip;

/// <summary>
/// Builds a response from the request it answers (RFC 3261 §8.2.6): the status line, then the request's Via headers
/// in order (the top one with the <see cref="ViaStamp"/> applied), From, To (with our tag when the request had none),
/// Call-ID and CSeq copied byte for byte, Timestamp for a 100 (§8.2.6.1), the TU's headers, and the body with its
/// Content-Length. Only the first of repeated single-instance headers is copied (a malformed request may repeat them).
/// </summary>
internal static class ResponseBuilder
{
    /// <summary>Builds the response bytes.</summary>
    /// <param name="request">The request answered; read only during the call.</param>
    /// <param name="topVia">The first Via header value to write instead of the received one (stamped), or null to copy it.</param>
    /// <param name="statusCode">100–699.</param>
    /// <param name="reasonPhrase">The reason phrase.</param>
    /// <param name="toTag">The tag to add to To, or null to copy To as received.</param>
    /// <param name="headers">The TU's extra headers, or null.</param>
    /// <param name="body">The body; empty for none.</param>
    /// <returns>The serialised response, owned by the caller.</returns>
    /// <exception cref="ArgumentException">A header or the reason phrase cannot be written (a line break, a bad name).</exception>
    public static byte[] Build(SipMessage request, byte[]? topVia, int statusCode, string reasonPhrase, string? toTag, IReadOnlyList<SipHeader>? headers, ReadOnlySpan<byte> body)
    {
        ArrayBufferWriter<byte> output = ScratchBuffer.Take();
        var writer = new SipMessageWriter(output);
        writer.WriteStatusLine(statusCode, reasonPhrase);
        bool firstVia = true;
        bool from = false, to = false, callId = false, cseq = false, timestamp = false;
        foreach (SipHeaderField field in request.Headers)
        {
            switch (field.Id)
            {
                case SipHeaderName.Via:
                    writer.WriteHeader(SipHeaderName.Via, firstVia && topVia is not null ? topVia : field.Value);
                    firstVia = false;
                    break;
                case SipHeaderName.From when !from:
                    writer.WriteHeader(SipHeaderName.From, field.Value);
                    from = true;
                    break;
                case SipHeaderName.To when !to:
                    WriteTo(ref writer, field.Value, toTag);
                    to = true;
                    break;
                case SipHeaderName.CallId when !callId:
                    writer.WriteHeader(SipHeaderName.CallId, field.Value);
                    callId = true;
                    break;
                case SipHeaderName.CSeq when !cseq:
                    writer.WriteHeader(SipHeaderName.CSeq, field.Value);
                    cseq = true;
                    break;
                case SipHeaderName.Timestamp when statusCode == 100 && !timestamp:
                    writer.WriteHeader(SipHeaderName.Timestamp, field.Value);
                    timestamp = true;
                    break;
            }
        }

        if (headers is not null)
        {
            foreach (SipHeader header in headers)
            {
                writer.WriteHeader(header.Name, header.Value);
            }
        }

        writer.WriteBody(body);
        return ScratchBuffer.ToArrayAndReturn(output);
    }

    private static void WriteTo(ref SipMessageWriter writer, ReadOnlySpan<byte> value, string? tag)
    {
        if (tag is null)
        {
            writer.WriteHeader(SipHeaderName.To, value);
            return;
        }

        ReadOnlySpan<byte> trimmed = SipSyntax.TrimLinearWhitespace(value);
        int length = trimmed.Length + 5 + tag.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            trimmed.CopyTo(rented);
            ";tag="u8.CopyTo(rented.AsSpan(trimmed.Length));
            System.Text.Encoding.ASCII.GetBytes(tag, rented.AsSpan(trimmed.Length + 5));
            writer.WriteHeader(SipHeaderName.To, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
