using System.Threading.Channels;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>The DATA an association delivered, copied out of the receive buffer, for a test to await one by one.</summary>
internal sealed class ReceivedDataLog : IM3uaDataReceiver
{
    private readonly Channel<(ProtocolDataHeader Header, byte[] UserData, uint? RoutingContext)> _received =
        Channel.CreateUnbounded<(ProtocolDataHeader, byte[], uint?)>();

    public void DataReceived(in ProtocolDataHeader header, ReadOnlySpan<byte> userData, uint? routingContext) =>
        _received.Writer.TryWrite((header, userData.ToArray(), routingContext));

    /// <summary>The next DATA; fails after <paramref name="patience"/> saying what was awaited.</summary>
    public async Task<(ProtocolDataHeader Header, byte[] UserData, uint? RoutingContext)> Next(string what, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {what} within {patience} (osmo-stp drops DATA on stream 0 or with a PPID other than 3; see its log).");
            throw;
        }
    }
}
