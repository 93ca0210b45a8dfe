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
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            long before = Stopwatch.GetTimestamp();
            trace.Record(TraceSamples.Sip(TraceDirection.Received, invite, i));
            TimeSpan took = Stopwatch.GetElapsedTime(before);
            if (took > slowest)
            {
                slowest = took;
            }
        }

        total.Stop();
        await trace.StopAsync();

        Assert.True(trace.Dropped > 0, $"nothing dropped in {total.Elapsed}");
        Assert.Equal(count, trace.Written + trace.Dropped);

        // Never blocked on the writer: the whole burst takes far less than writing it did, and no single call
        // waits for long (a GC or a preemption on a shared two-core machine bounds the slowest).
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(5), total.Elapsed.ToString());
        Assert.True(slowest < TimeSpan.FromMilliseconds(500), slowest.ToString());
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
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                trace.Record(TraceSamples.Sip(TraceDirection.Sent, invite, 0));
                Interlocked.Increment(ref attempts);
            }
        })).ToArray();

        await Task.Delay(100);
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
