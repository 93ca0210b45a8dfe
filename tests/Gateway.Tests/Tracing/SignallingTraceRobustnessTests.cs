using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

public sealed class SignallingTraceRobustnessTests
{
    [Fact]
    public async Task Garbage_and_default_messages_neither_throw_nor_stop_the_writer()
    {
        using var work = new TempDirectory("gw-trace-");
        string path = work.Combine("trace.pcapng");
        await using var trace = new SignallingTrace();
        trace.Start(new SignallingTraceOptions(path));

        trace.Record(default); // no endpoints: counted, not queued
        trace.Record(TraceSamples.M3ua(TraceDirection.Received, [0xFF, 0x00, 0x13], 0));
        trace.Record(TraceSamples.Sip(TraceDirection.Received, [], 1));
        trace.Record(TraceSamples.M3ua(TraceDirection.Sent, M3uaWireSamples.DataWithIam, 2));
        await trace.StopAsync();

        Assert.Equal(1, trace.Dropped);
        Assert.Equal(3, trace.Written);
        Assert.Equal(0, trace.WriteErrors);
        var frames = Tshark.DecodeFile(path, SignallingTraceDecodeTests.ChecksumPreferences, "isup.cic", "sctp.checksum.status");
        Assert.Equal(3, frames.Count);
        Assert.Equal(["", "", "21"], frames.Select(f => f.Fields[0]));
        Assert.Equal("1", frames[0].Fields[1]); // even the garbage went out with a good SCTP checksum
    }

    [Fact]
    public async Task Start_twice_is_refused_and_stop_twice_is_harmless()
    {
        using var work = new TempDirectory("gw-trace-");
        await using var trace = new SignallingTrace();
        trace.Start(new SignallingTraceOptions(work.Combine("a.pcapng")));
        Assert.True(trace.IsTracing);
        Assert.Throws<InvalidOperationException>(() => trace.Start(new SignallingTraceOptions(work.Combine("b.pcapng"))));
        await trace.StopAsync();
        await trace.StopAsync();
        Assert.False(trace.IsTracing);
        Assert.False(File.Exists(work.Combine("b.pcapng")));
    }

    [Fact]
    public void Messages_need_both_endpoints()
    {
        Assert.Throws<ArgumentNullException>(() => new TracedMessage(TraceProtocol.Sip, TraceDirection.Sent, null!, TraceSamples.SipRemote, TraceTransport.Udp, TraceSamples.Start, []));
    }
}
