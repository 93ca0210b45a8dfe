namespace Gateway.Sip;

/// <summary>
/// What a server transaction reports to, kept apart from <see cref="ServerRequest"/> so that the TU's type does not
/// expose the sink callbacks. Never throws: a transaction rethrows sink exceptions on whichever thread delivers.
/// </summary>
internal sealed class ServerRequestSink(ServerRequest request) : IInviteServerTransactionSink<SipMessage>
{
    public void Send(ReadOnlyMemory<byte> message) => request.OnSend(message);

    public void TransportFailed() => request.OnTransportFailed();

    public void Terminated() => request.OnTerminated();

    public void AckReceived(SipMessage ack) => request.OnAckReceived(ack);

    public void TimedOut() => request.OnTimedOut();
}
