namespace Gateway.Sip;

/// <summary>
/// What every transaction reports to the layer above (the transaction layer's table entry, or the TU).
/// A transaction is given one sink for its lifetime, so the sink can carry the destination and the table key.
/// </summary>
/// <remarks>
/// Callbacks are made after the transaction has finished handling the event, outside its lock, one at a time
/// and in the order the transaction produced them (see <see cref="SipTransaction"/>). A callback may call back
/// into the same transaction; what that call produces is delivered after the callback returns. Callbacks must not
/// throw: an exception reaches whichever thread delivered the effect — possibly a timer thread.
/// </remarks>
public interface ITransactionSink
{
    /// <summary>Pass an already serialised message to the transport (a request, a retransmission, an ACK, a response).</summary>
    /// <param name="message">The bytes; owned by whoever built them, not copied by the transaction.</param>
    void Send(ReadOnlyMemory<byte> message);

    /// <summary>The transaction ended because the transport failed (RFC 3261 §17.1.4, §17.2.4). <see cref="Terminated"/> follows.</summary>
    void TransportFailed();

    /// <summary>The transaction is over (always the last callback, made exactly once): remove it from the table.</summary>
    void Terminated();
}
