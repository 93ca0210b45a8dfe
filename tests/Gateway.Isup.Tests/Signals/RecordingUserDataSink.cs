using Gateway.Isup;

namespace Gateway.Isup.Tests.Signals;

/// <summary>Keeps the octets and the encoding faults an <see cref="IsupSignalEncodingSink"/> hands over.</summary>
internal sealed class RecordingUserDataSink : IIsupUserDataSink
{
    private readonly Lock _gate = new();

    public List<(int Dpc, byte[] UserData)> Sent { get; } = [];

    public List<(int Dpc, IsupSignal Signal, IsupSignalResult Result)> Failed { get; } = [];

    public void Send(int dpc, ReadOnlySpan<byte> userData)
    {
        byte[] copy = userData.ToArray();
        lock (_gate)
        {
            Sent.Add((dpc, copy));
        }
    }

    public void EncodeFailed(int dpc, in IsupSignal signal, in IsupSignalResult result)
    {
        IsupSignal kept = signal;
        lock (_gate)
        {
            Failed.Add((dpc, kept, result));
        }
    }
}
