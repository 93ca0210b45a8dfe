using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// Serialises the requests the stack sends: the TU's request with the stack's top Via (RFC 3261 §8.1.1), the ACK of
/// a 300–699 response (§17.1.1.3) and the CANCEL (§9.1), the last two derived from the INVITE so that they reach the
/// same server transaction.
/// </summary>
internal static class RequestBuilder
{
    /// <summary>The TU's request with <paramref name="via"/> as its only Via.</summary>
    /// <exception cref="ArgumentException">A value cannot be written (line break, bad Request-URI or header name).</exception>
    public static byte[] Build(OutgoingRequest request, string via)
    {
        ArrayBufferWriter<byte> output = ScratchBuffer.Take();
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(Encoding.ASCII.GetBytes(request.Method), Encoding.UTF8.GetBytes(request.RequestUri));
        writer.WriteHeader(SipHeaderName.Via, via);
        writer.WriteHeader(SipHeaderName.MaxForwards, request.MaxForwards);
        writer.WriteHeader(SipHeaderName.From, request.From);
        writer.WriteHeader(SipHeaderName.To, request.To);
        writer.WriteHeader(SipHeaderName.CallId, request.CallId);
        writer.WriteHeader(SipHeaderName.CSeq, CSeq(request.CSeq, request.Method));
        if (request.Contact is not null)
        {
            writer.WriteHeader(SipHeaderName.Contact, request.Contact);
        }

        foreach (SipHeader header in request.Headers)
        {
            writer.WriteHeader(header.Name, header.Value);
        }

        writer.WriteBody(request.Body.Span);
        return ScratchBuffer.ToArrayAndReturn(output);
    }

    /// <summary>
    /// The ACK of a 300–699 response to <paramref name="invite"/> (RFC 3261 §17.1.1.3): the INVITE's Request-URI, its
    /// single (top) Via so that it reaches the same server transaction, its From, Call-ID and Route headers, the CSeq
    /// number with method ACK, and To as in the response, whose tag identifies the server's answer.
    /// </summary>
    /// <param name="invite">The INVITE as the TU gave it.</param>
    /// <param name="via">The INVITE's Via, as sent.</param>
    /// <param name="responseTo">The raw To value of the response.</param>
    public static byte[] BuildAck(OutgoingRequest invite, string via, ReadOnlySpan<byte> responseTo)
    {
        ArrayBufferWriter<byte> output = ScratchBuffer.Take();
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(SipMethod.Ack, invite.RequestUri);
        writer.WriteHeader(SipHeaderName.Via, via);
        writer.WriteHeader(SipHeaderName.MaxForwards, 70);
        WriteRoutes(ref writer, invite);
        writer.WriteHeader(SipHeaderName.From, invite.From);
        writer.WriteHeader(SipHeaderName.To, responseTo);
        writer.WriteHeader(SipHeaderName.CallId, invite.CallId);
        writer.WriteHeader(SipHeaderName.CSeq, CSeq(invite.CSeq, "ACK"));
        writer.WriteBody([]);
        return ScratchBuffer.ToArrayAndReturn(output);
    }

    /// <summary>
    /// The CANCEL of <paramref name="invite"/> (RFC 3261 §9.1): Request-URI, Call-ID, To, From and CSeq number as in the
    /// INVITE, its single Via (same branch: the server matches the CANCEL to the INVITE by it), its Route headers, CSeq
    /// method CANCEL, and the TU's Reason (RFC 3326), e.g. <c>Q.850;cause=16;text="Normal call clearing"</c>.
    /// </summary>
    /// <param name="invite">The INVITE as the TU gave it.</param>
    /// <param name="via">The INVITE's Via, as sent.</param>
    /// <param name="reason">The Reason header value, or null for none.</param>
    public static byte[] BuildCancel(OutgoingRequest invite, string via, string? reason)
    {
        ArrayBufferWriter<byte> output = ScratchBuffer.Take();
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine(SipMethod.Cancel, invite.RequestUri);
        writer.WriteHeader(SipHeaderName.Via, via);
        writer.WriteHeader(SipHeaderName.MaxForwards, 70);
        WriteRoutes(ref writer, invite);
        writer.WriteHeader(SipHeaderName.From, invite.From);
        writer.WriteHeader(SipHeaderName.To, invite.To);
        writer.WriteHeader(SipHeaderName.CallId, invite.CallId);
        writer.WriteHeader(SipHeaderName.CSeq, CSeq(invite.CSeq, "CANCEL"));
        if (reason is not null)
        {
            writer.WriteHeader(SipHeaderName.Reason, reason);
        }

        writer.WriteBody([]);
        return ScratchBuffer.ToArrayAndReturn(output);
    }

    private static void WriteRoutes(ref SipMessageWriter writer, OutgoingRequest invite)
    {
        foreach (SipHeader header in invite.Headers)
        {
            if (header.Is("Route"))
            {
                writer.WriteHeader(SipHeaderName.Route, header.Value);
            }
        }
    }

    private static string CSeq(int number, string method) => number.ToString(CultureInfo.InvariantCulture) + " " + method;
}
