using Gateway.Isup;

namespace Gateway.Isup.Tests.Signals;

/// <summary>Counts what an <see cref="IsupSignalEncodingSink"/> sends and keeps nothing (so it allocates nothing); an encoding fault fails the test.</summary>
internal sealed class CountingUserDataSink : IIsupUserDataSink
{
    public int Count { get; private set; }

    public void Send(int dpc, ReadOnlySpan<byte> userData) => Count++;

    public void EncodeFailed(int dpc, in IsupSignal signal, in IsupSignalResult result) => throw new InvalidOperationException(result.ToString());
}
