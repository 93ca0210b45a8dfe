using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Builds the ERR (RFC 4666 §3.8.1) a receiver sends back for a message it refuses: the Error Code, the Routing
/// Context, Network Appearance or Affected Point Code the error concerns when it concerns one, and the offending
/// message as Diagnostic Information, cut to <see cref="DefaultDiagnosticLimit"/> octets.
/// </summary>
/// <remarks>
/// The diagnostic is never longer than what was received, so a peer sending garbage cannot make the gateway send more
/// than it got; 256 octets hold the common header and the first parameters of any message, and a whole DATA with a
/// typical ISUP message — enough for the peer's operator to recognise it. An ERR is never answered with an ERR
/// (<see cref="ShouldReply"/>): two peers that each find the other's ERR wrong must not ping-pong.
/// </remarks>
public static class M3uaErrorReply
{
    /// <summary>The default cap on Diagnostic Information: the first 256 octets of the offending message.</summary>
    public const int DefaultDiagnosticLimit = 256;

    /// <summary>
    /// Whether a message that failed to decode with <paramref name="error"/> should be answered with ERR: only for
    /// decode defects (which have an Error Code), and never when the message is itself an ERR.
    /// </summary>
    public static bool ShouldReply(ReadOnlySpan<byte> received, M3uaError error) =>
        M3uaErrors.ToErrorCode(error) != M3uaErrorCode.None && !IsErr(received);

    /// <summary>
    /// Writes an ERR into <paramref name="destination"/> without allocating. <paramref name="offending"/> is cut to
    /// <paramref name="diagnosticLimit"/> octets and left out when empty or when the limit is 0.
    /// </summary>
    public static M3uaError TryWrite(
        Span<byte> destination,
        M3uaErrorCode code,
        ReadOnlySpan<byte> offending,
        out int bytesWritten,
        int diagnosticLimit = DefaultDiagnosticLimit,
        uint? routingContext = null,
        uint? networkAppearance = null,
        ReadOnlySpan<M3uaPointCode> affectedPointCodes = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(diagnosticLimit);
        var writer = new M3uaWriter(destination, M3uaMessageType.Err);
        writer.WriteUInt32(M3uaParameterTag.ErrorCode, (uint)code);
        if (routingContext is { } context)
        {
            writer.WriteRoutingContext(context);
        }

        if (networkAppearance is { } appearance)
        {
            writer.WriteUInt32(M3uaParameterTag.NetworkAppearance, appearance);
        }

        if (!affectedPointCodes.IsEmpty)
        {
            // At most 64 entries on the stack; an ERR about more destinations than that names the first 64.
            Span<byte> words = stackalloc byte[Math.Min(affectedPointCodes.Length, 64) * 4];
            for (int i = 0; i < words.Length / 4; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(words[(i * 4)..], affectedPointCodes[i].ToWord());
            }

            writer.WriteParameter(M3uaParameterTag.AffectedPointCode, words);
        }

        int diagnostic = Math.Min(offending.Length, Math.Min(diagnosticLimit, M3uaParameterRules.MaxValueLength));
        if (diagnostic > 0)
        {
            writer.WriteParameter(M3uaParameterTag.DiagnosticInformation, offending[..diagnostic]);
        }

        writer.TryComplete(out bytesWritten);
        return writer.Error;
    }

    /// <summary>As <see cref="TryWrite"/>, as a message value (the diagnostic copied into it).</summary>
    public static M3uaMessage Create(
        M3uaErrorCode code,
        ReadOnlySpan<byte> offending,
        int diagnosticLimit = DefaultDiagnosticLimit,
        uint? routingContext = null,
        uint? networkAppearance = null,
        ReadOnlySpan<M3uaPointCode> affectedPointCodes = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(diagnosticLimit);
        int diagnostic = Math.Min(offending.Length, Math.Min(diagnosticLimit, M3uaParameterRules.MaxValueLength));
        byte[] buffer = new byte[M3uaHeader.Length + 12 + 8 + 8 + 4 + (Math.Min(affectedPointCodes.Length, 64) * 4) + M3uaTlv.PaddedLength(diagnostic)];
        M3uaError error = TryWrite(buffer, code, offending, out int written, diagnosticLimit, routingContext, networkAppearance, affectedPointCodes);
        if (error != M3uaError.None)
        {
            throw new M3uaFormatException(error);
        }

        return M3uaMessage.Decode(buffer.AsSpan(0, written));
    }

    /// <summary>
    /// The ERR answering <paramref name="received"/>, which failed to decode with <paramref name="error"/>; null when
    /// none should be sent (<see cref="ShouldReply"/>).
    /// </summary>
    public static M3uaMessage? ForDecodeFailure(ReadOnlySpan<byte> received, M3uaError error, int diagnosticLimit = DefaultDiagnosticLimit) =>
        ShouldReply(received, error) ? Create(M3uaErrors.ToErrorCode(error), received, diagnosticLimit) : null;

    // Class MGMT, type ERR: judged on the octets alone, since the message did not decode.
    private static bool IsErr(ReadOnlySpan<byte> received) => received.Length >= 4 && received[2] == 0 && received[3] == 0;
}
