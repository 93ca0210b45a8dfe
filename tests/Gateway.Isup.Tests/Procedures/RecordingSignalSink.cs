using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>Keeps every signal the procedures send, in order, for a test to take and check.</summary>
internal sealed class RecordingSignalSink : IIsupSignalSink
{
    private readonly Lock _gate = new();
    private readonly List<SentSignal> _sent = [];

    public void Send(int dpc, in IsupSignal signal)
    {
        lock (_gate)
        {
            _sent.Add(new SentSignal(dpc, signal));
        }
    }

    /// <summary>Everything sent since the last take, and forgets it.</summary>
    public List<SentSignal> Take()
    {
        lock (_gate)
        {
            var taken = new List<SentSignal>(_sent);
            _sent.Clear();
            return taken;
        }
    }

    /// <summary>The signals sent since the last take, as text (e.g. "REL cic=5 cause=16"), and forgets them.</summary>
    public List<string> TakeText() => Take().ConvertAll(sent => sent.Signal.ToString());
}
