using System.Buffers;

namespace Gateway.M3ua;

/// <summary>
/// The bridge between the RFC 4666 codec and the management state machines: the bytes of one management message
/// (every class but DATA) become the <see cref="M3uaSignal"/> that <see cref="M3uaManagement.Receive"/> takes, and each
/// signal the machines give their <see cref="IM3uaSignalSink"/> becomes bytes again.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="M3uaMessageType"/> has the codec's <see cref="M3uaMessageType"/> values, so the type converts by a cast.
/// Decoding runs <see cref="M3uaReader"/>, which checks the whole message first (format, rules, mandatory parameters),
/// then reads the parameters the machines act on into the signal's fields; parameters they do not act on (Diagnostic
/// Information, Correlation ID, unknown tags) are skipped. Encoding writes the fields the message takes, in RFC 4666
/// order, through <see cref="M3uaWriter"/>, so nothing is sent that the reader would refuse.
/// </para>
/// <para>
/// Nothing here throws on bad input or on a signal that cannot be encoded: every method returns an
/// <see cref="M3uaSignalResult"/>, whose <see cref="M3uaSignalResult.ErrorCode"/> is what to answer in ERR. DATA is not
/// a signal: it is refused with <see cref="M3uaSignalError.NotASignal"/> (no Error Code) and left to the association
/// layer. Decoding copies the lists and the heartbeat data out of the input, so the receive buffer may be reused at
/// once; encoding allocates nothing but the views of REG REQ's routing keys.
/// </para>
/// </remarks>
public static partial class M3uaSignalCodec
{
    /// <summary>The SCTP stream every management message travels on (RFC 4666 §1.4.7: all but DATA on stream 0).</summary>
    public const int ManagementStream = 0;

    /// <summary>A destination size that holds every management message the machines send in ordinary configurations.</summary>
    public const int DefaultBufferSize = M3uaWriter.DefaultSizeHint;

    /// <summary>
    /// Decodes <paramref name="message"/> and hands the signal to <paramref name="management"/>. A message that does not
    /// decode is answered, when RFC 4666 wants an answer, with the ERR <see cref="M3uaErrorReply"/> builds (never for an
    /// ERR), sent to <paramref name="replies"/> on stream 0; nothing is delivered. DATA is returned as
    /// <see cref="M3uaSignalError.NotASignal"/>, unanswered, for the caller to route.
    /// </summary>
    public static M3uaSignalResult Receive(M3uaManagement management, ReadOnlySpan<byte> message, IM3uaMessageSink replies)
    {
        ArgumentNullException.ThrowIfNull(management);
        ArgumentNullException.ThrowIfNull(replies);
        M3uaSignalResult result = TryDecode(message, out M3uaSignal signal);
        if (result.Succeeded)
        {
            management.Receive(in signal);
        }
        else if (ShouldReply(message, in result))
        {
            Span<byte> buffer = stackalloc byte[DefaultBufferSize];
            if (M3uaErrorReply.TryWrite(buffer, result.ErrorCode, message, out int written) == M3uaError.None)
            {
                replies.Send(buffer[..written], ManagementStream);
            }
        }

        return result;
    }

    /// <summary>
    /// Whether a message that failed to decode with <paramref name="result"/> is to be answered with ERR: it has an
    /// Error Code, and it is not itself an ERR (two peers that each dislike the other's ERR must not ping-pong).
    /// </summary>
    public static bool ShouldReply(ReadOnlySpan<byte> received, in M3uaSignalResult result) =>
        result.ErrorCode != M3uaErrorCode.None && !(received.Length >= 4 && received[2] == 0 && received[3] == 0);

    /// <summary>
    /// Encodes <paramref name="signal"/> into <paramref name="output"/>, advancing it by the octets written (and not
    /// at all on failure).
    /// </summary>
    public static M3uaSignalResult TryEncode(in M3uaSignal signal, IBufferWriter<byte> output, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(output);
        M3uaSignalResult result = TryEncode(in signal, output.GetSpan(GetMaxEncodedLength(in signal)), out bytesWritten);
        if (result.Succeeded)
        {
            output.Advance(bytesWritten);
        }

        return result;
    }

    /// <summary>An upper bound on the octets <paramref name="signal"/> encodes to, padding included.</summary>
    public static int GetMaxEncodedLength(in M3uaSignal signal)
    {
        // Header, then every 32-bit parameter the signal may carry (at most six in one message), then the lists.
        long length = M3uaHeader.Length + (6 * 8);
        length += 8 + (4L * signal.RoutingContexts.Length);
        length += 8 + (4L * signal.AffectedPointCodes.Length);
        length += 8 + signal.HeartbeatData.Length + 3;
        if (signal.Info is string info)
        {
            length += 8 + (3L * info.Length) + 3;
        }

        foreach (RoutingKeyRequest? key in signal.RoutingKeys.Span)
        {
            // LRK, RC, TMT, DPC, NA (8 each), the SI list padded.
            length += 4 + (5 * 8) + 4 + (key?.ServiceIndicators.Count ?? 0) + 3;
        }

        // Each Registration Result: the group's header, then LRK, status and RC (8 each).
        length += 28L * signal.RegistrationResults.Length;
        return (int)Math.Min(length, int.MaxValue);
    }
}
