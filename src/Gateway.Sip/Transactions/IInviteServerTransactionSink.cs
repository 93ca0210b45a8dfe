namespace Gateway.Sip;

/// <summary>What an INVITE server transaction reports to its TU.</summary>
/// <typeparam name="TMessage">The parsed message type of the layer above; the transaction never looks inside it.</typeparam>
public interface IInviteServerTransactionSink<in TMessage> : ITransactionSink
    where TMessage : class
{
    /// <summary>
    /// An ACK that matched the transaction while it was in Accepted, i.e. after a 2xx: it acknowledges the TU's
    /// 2xx (RFC 6026), so the TU stops retransmitting it. The ACK for a 300–699 response is the transaction's
    /// own business and is never reported.
    /// </summary>
    /// <param name="ack">The ACK as the layer above parsed it.</param>
    void AckReceived(TMessage ack);

    /// <summary>No ACK arrived for the 300–699 response (Timer H). <see cref="ITransactionSink.Terminated"/> follows.</summary>
    void TimedOut();
}
