using System.Text;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>
/// Records every callback of any transaction kind as "&lt;virtual ms&gt;ms &lt;what&gt;", and checks the delivery
/// contract as it goes: callbacks never overlap, nothing comes after Terminated. <see cref="OnCallback"/> lets a test
/// act as a TU that calls straight back into the transaction.
/// </summary>
internal sealed class RecordingSink(TimerCountingTimeProvider clock)
    : IClientTransactionSink<TestMessage>, IInviteServerTransactionSink<TestMessage>
{
    private readonly List<string> _events = [];
    private int _inCallback;
    private int _overlaps;
    private int _afterTerminated;
    private int _terminatedCount;

    /// <summary>Called after each callback is recorded, with what was recorded (without the time).</summary>
    public Action<string>? OnCallback { get; set; }

    /// <summary>Every callback so far, with its virtual time.</summary>
    public string[] Events
    {
        get
        {
            lock (_events) return [.. _events];
        }
    }

    /// <summary>Only the messages sent, with their virtual time.</summary>
    public string[] Sent => Array.FindAll(Events, static e => e.Contains(" send ", StringComparison.Ordinal));

    /// <summary>Callbacks other than sends (what the TU was told), with their virtual time.</summary>
    public string[] Reports => Array.FindAll(Events, static e => !e.Contains(" send ", StringComparison.Ordinal));

    public int TerminatedCount => Volatile.Read(ref _terminatedCount);

    /// <summary>Callbacks that began while another was running.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>Callbacks that came after Terminated.</summary>
    public int AfterTerminated => Volatile.Read(ref _afterTerminated);

    public void Clear()
    {
        lock (_events) _events.Clear();
    }

    public void Send(ReadOnlyMemory<byte> message) => Record("send " + Encoding.UTF8.GetString(message.Span));

    public void ResponseReceived(int statusCode, TestMessage response) => Record($"response {statusCode} {response.Text}");

    public void AckReceived(TestMessage ack) => Record("ack " + ack.Text);

    public void TimedOut() => Record("timed out");

    public void TransportFailed() => Record("transport failed");

    public void Terminated()
    {
        Interlocked.Increment(ref _terminatedCount);
        Record("terminated");
    }

    private void Record(string what)
    {
        if (Interlocked.Increment(ref _inCallback) != 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            lock (_events)
            {
                bool terminatedBefore = _events.Count > 0 && _events[^1].EndsWith(" terminated", StringComparison.Ordinal);
                if (terminatedBefore)
                {
                    _afterTerminated++;
                }

                _events.Add($"{(long)clock.Elapsed.TotalMilliseconds}ms {what}");
            }

            OnCallback?.Invoke(what);
        }
        finally
        {
            Interlocked.Decrement(ref _inCallback);
        }
    }
}
