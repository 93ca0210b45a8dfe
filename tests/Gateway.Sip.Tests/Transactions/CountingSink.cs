namespace Gateway.Sip.Tests.Transactions;

/// <summary>A sink that only counts, so that allocation tests measure the transactions and nothing else.</summary>
internal sealed class CountingSink : IClientTransactionSink<TestMessage>, IInviteServerTransactionSink<TestMessage>
{
    public int Sends { get; private set; }

    public int Reports { get; private set; }

    public void Send(ReadOnlyMemory<byte> message) => Sends++;

    public void ResponseReceived(int statusCode, TestMessage response) => Reports++;

    public void AckReceived(TestMessage ack) => Reports++;

    public void TimedOut() => Reports++;

    public void TransportFailed() => Reports++;

    public void Terminated() => Reports++;
}
