namespace Gateway.Sip;

/// <summary>What a client transaction reports to, kept apart from <see cref="ClientRequest"/> so that the TU's type does not expose it.</summary>
internal sealed class ClientRequestSink(ClientRequest request) : IClientTransactionSink<SipMessage>
{
    public void Send(ReadOnlyMemory<byte> message) => request.OnSend(message);

    public void TransportFailed() => request.OnTransportFailed();

    public void Terminated() => request.OnTerminated();

    public void ResponseReceived(int statusCode, SipMessage response) => request.OnResponseReceived(response);

    public void TimedOut() => request.OnTimedOut();
}
