using Gateway.Isup;

namespace Gateway.Tests.IsupSetup;

/// <summary>Keeps what the procedures send, so a test can see the configuration at work on the wire side.</summary>
internal sealed class RecordingSignals : IIsupSignalSink
{
    private readonly List<IsupSignal> _sent = [];

    public void Send(int dpc, in IsupSignal signal)
    {
        lock (_sent) _sent.Add(signal);
    }

    /// <summary>What was sent since the last call, oldest first.</summary>
    public List<IsupSignal> Take()
    {
        lock (_sent)
        {
            var taken = new List<IsupSignal>(_sent);
            _sent.Clear();
            return taken;
        }
    }
}
