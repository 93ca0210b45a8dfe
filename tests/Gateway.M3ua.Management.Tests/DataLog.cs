using System.Collections.Concurrent;

namespace Gateway.M3ua.Management.Tests;

/// <summary>Every DATA an association delivered, in order.</summary>
internal sealed class DataLog : IM3uaDataReceiver
{
    public ConcurrentQueue<(ProtocolDataHeader Header, byte[] UserData, uint? Rc)> Received { get; } = new();

    public void DataReceived(in ProtocolDataHeader header, ReadOnlySpan<byte> userData, uint? routingContext) =>
        Received.Enqueue((header, userData.ToArray(), routingContext));
}
