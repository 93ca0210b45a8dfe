using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

public sealed class TraceAllocationTests
{
    [Fact]
    public void Record_allocates_nothing_when_no_trace_runs()
    {
        var trace = new SignallingTrace();
        byte[] invite = SipSamples.InviteBytes();
        var message = TraceSamples.Sip(TraceDirection.Received, invite, 0);
        trace.Record(in message);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            trace.Record(in message);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Filtering_allocates_nothing()
    {
        var filter = new TraceFilter(callIds: ["x@y"], cics: [21], pointCodes: [5]);
        byte[] invite = SipSamples.InviteBytes();
        filter.Matches(TraceProtocol.Sip, invite);
        filter.Matches(TraceProtocol.M3ua, M3uaWireSamples.DataWithIam);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            filter.Matches(TraceProtocol.Sip, invite);
            filter.Matches(TraceProtocol.M3ua, M3uaWireSamples.DataWithIam);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Record_allocates_nothing_per_message_while_tracing_beyond_the_pooled_buffer()
    {
        using var work = new TempDirectory("gw-trace-");
        await using var trace = new SignallingTrace();
        trace.Start(new SignallingTraceOptions(work.Combine("trace.pcapng")));
        byte[] invite = SipSamples.InviteBytes();
        var message = TraceSamples.Sip(TraceDirection.Received, invite, 0);

        // One message at a time, each written before the next: a burst keeps more buffers out than the pool holds,
        // and it then (rightly) allocates fresh ones; what is measured here is the steady state.
        long target = 0;
        void RecordAndWait(in TracedMessage m)
        {
            trace.Record(in m);
            target++;
            while (trace.Written < target)
            {
                Thread.Yield();
            }
        }

        for (int i = 0; i < 500; i++)
        {
            RecordAndWait(in message);
        }

        const int count = 1000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            RecordAndWait(in message);
        }

        long perMessage = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        await trace.StopAsync();

        // Waking the writer may now and then grow a thread-pool queue segment: a few bytes per message on average at
        // most, never a copy of the message.
        Assert.True(perMessage < 64, $"{perMessage} bytes per message");
        Assert.Equal(500 + count, trace.Written);
    }
}
