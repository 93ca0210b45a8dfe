namespace Gateway.M3ua;

/// <summary>
/// Where <see cref="M3uaSignalEncodingSink"/> and <see cref="M3uaSignalCodec.Receive"/> put encoded M3UA messages: the
/// association's transport (SCTP stream, or the TCP connection, which ignores the stream).
/// </summary>
public interface IM3uaMessageSink
{
    /// <summary>
    /// Sends one whole M3UA message on <paramref name="stream"/> (0 for every management message). The span is only
    /// valid during the call: copy it to queue it.
    /// </summary>
    void Send(ReadOnlySpan<byte> message, int stream);

    /// <summary>A signal the management sent could not be encoded (a defect to log once and count, never a peer's fault).</summary>
    void EncodeFailed(in M3uaSignal signal, in M3uaSignalResult result);
}
