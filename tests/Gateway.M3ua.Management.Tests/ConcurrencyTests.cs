namespace Gateway.M3ua.Management.Tests;

/// <summary>Entry points called from several threads at once: one lock, effects delivered in order outside it.</summary>
public sealed class ConcurrencyTests
{
    private sealed class CountingSink : IM3uaSignalSink, IM3uaManagementEventSink
    {
        private int _inside;
        public int BeatAcks;
        public int Overlaps;

        public void Send(in M3uaSignal signal)
        {
            if (Interlocked.Increment(ref _inside) > 1)
            {
                Interlocked.Increment(ref Overlaps); // deliveries of one association must never overlap
            }

            if (signal.Type == M3uaMessageType.BeatAck)
            {
                Interlocked.Increment(ref BeatAcks);
            }

            Interlocked.Decrement(ref _inside);
        }

        public void Report(in M3uaManagementEvent managementEvent)
        {
        }
    }

    [Fact]
    public void Beats_requests_and_timers_from_several_threads_are_all_handled_and_never_delivered_at_once()
    {
        var time = new Gateway.Testing.ManualTimeProvider();
        var sink = new CountingSink();
        var management = new M3uaManagement(Options.Asp(t => t with { HeartbeatInterval = TimeSpan.FromSeconds(1) }), sink, sink, time);
        management.AssociationUp();
        management.Receive(M3uaSignal.Of(M3uaMessageType.AspUpAck));
        const int PerThread = 2000;
        var threads = new[]
        {
            new Thread(() => { for (int i = 0; i < PerThread; i++) management.Receive(M3uaSignal.Heartbeat(M3uaMessageType.Beat, new byte[] { (byte)i })); }),
            new Thread(() => { for (int i = 0; i < PerThread; i++) management.Receive(M3uaSignal.Heartbeat(M3uaMessageType.Beat, new byte[] { (byte)i })); }),
            new Thread(() => { for (int i = 0; i < PerThread / 10; i++) { management.Deactivate(); management.Activate(); } }),
            new Thread(() => { for (int i = 0; i < PerThread / 10; i++) time.Advance(TimeSpan.FromMilliseconds(500)); }),
        };
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(2 * PerThread, sink.BeatAcks);
        Assert.Equal(0, sink.Overlaps);
        management.AssociationDown();
        Assert.Equal(0, time.ActiveTimers);
    }
}
