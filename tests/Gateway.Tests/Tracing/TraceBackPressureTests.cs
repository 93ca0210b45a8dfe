using System.Diagnostics;
using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

public sealed class TraceBackPressureTests
{
    [Fact]
    public async Task A_full_queue_drops_and_counts_instead_of_blocking()
    {
        using var work = new TempDirectory("gw-trace-");
        string path = work.Combine("trace.pcapng");
        byte[] invite = SipSamples.InviteBytes();
        const int count = 50_000;
        await using var trace = new SignallingTrace();

        // A queue of 2 cannot absorb a burst the writer (frame building, file writes) must keep up with one by one.
        trace.Start(new SignallingTraceOptions(path) { QueueCapacity = 2 });
        var total = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            trace.Record(TraceSamples.Sip(TraceDirection.Received, invite, i));
        }

        total.Stop();
        await trace.StopAsync();

        // A Record that waited for room would have left nothing to drop: every message is either written or
        // counted, and some were counted.
        Assert.True(trace.Dropped > 0, $"nothing dropped in {total.Elapsed}");
        Assert.Equal(count, trace.Written + trace.Dropped);
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(10), total.Elapsed.ToString());
    }

    [Fact]
    public async Task Records_racing_with_stop_are_written_or_counted_never_lost_silently()
    {
        using var work = new TempDirectory("gw-trace-");
        await using var trace = new SignallingTrace();
        trace.Start(new SignallingTraceOptions(work.Combine("trace.pcapng")) { QueueCapacity = 64 });
        byte[] invite = SipSamples.InviteBytes();
        using var stop = new CancellationTokenSource();
        long attempts = 0;
        // Threads of their own: on a busy two-core machine the pool may not start pool tasks for a while.
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    trace.Record(TraceSamples.Sip(TraceDirection.Sent, invite, 0));
                    Interlocked.Increment(ref attempts);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        // Stop in the middle of the recording, once it is surely under way.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Interlocked.Read(ref attempts) < 1000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        await trace.StopAsync();
        long afterStop = trace.Written + trace.Dropped;
        stop.Cancel();
        await Task.WhenAll(writers);

        // Calls that saw the session before Stop were written or dropped; later ones did nothing at all.
        Assert.True(afterStop > 0);
        Assert.True(trace.Written + trace.Dropped >= afterStop);
        Assert.True(trace.Written + trace.Dropped <= Interlocked.Read(ref attempts));
        Assert.False(trace.IsTracing);
    }
}
