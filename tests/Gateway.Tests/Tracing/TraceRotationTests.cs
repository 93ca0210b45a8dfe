using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

public sealed class TraceRotationTests
{
    [Fact]
    public async Task A_full_file_moves_aside_and_only_max_files_are_kept_each_readable()
    {
        using var work = new TempDirectory("gw-trace-");
        string path = work.Combine("trace.pcapng");
        const long maxBytes = 4096;
        const int maxFiles = 3;
        long written;
        await using (var trace = new SignallingTrace())
        {
            trace.Start(new SignallingTraceOptions(path) { MaxFileBytes = maxBytes, MaxFiles = maxFiles });
            for (int i = 0; i < 10; i++)
            {
                TraceSamples.RecordCall(trace);
            }

            await trace.StopAsync();
            written = trace.Written;
            Assert.Equal(110, written);
            Assert.Equal(0, trace.WriteErrors);
        }

        string[] files = [.. Directory.GetFiles(work.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["trace.pcapng", "trace.pcapng.1", "trace.pcapng.2"], files);

        int kept = 0;
        foreach (string file in files)
        {
            Assert.InRange(new FileInfo(work.Combine(file)).Length, 1, maxBytes);
            var frames = Tshark.DecodeFile(work.Combine(file), SignallingTraceDecodeTests.ChecksumPreferences, "frame.protocols");
            Assert.NotEmpty(frames);
            Assert.All(frames, f => Assert.False(f.Malformed || f.MaxSeverity >= Tshark.Error, f.ToString()));
            kept += frames.Count;
        }

        Assert.InRange(kept, 1, written - 1);

        // The newest file ends with the last message: the 200 OK to the INVITE.
        var newest = Tshark.DecodeFile(path, [], "sip.Status-Code", "sip.CSeq.method");
        Assert.Equal(["200", "INVITE"], newest[^1].Fields);
    }

    [Fact]
    public async Task Starting_again_keeps_the_previous_trace_as_the_first_old_file()
    {
        using var work = new TempDirectory("gw-trace-");
        string path = work.Combine("trace.pcapng");
        await using var trace = new SignallingTrace();

        trace.Start(new SignallingTraceOptions(path));
        TraceSamples.RecordCall(trace);
        await trace.StopAsync();
        long first = new FileInfo(path).Length;

        trace.Start(new SignallingTraceOptions(path));
        Assert.Equal(0, trace.Written); // counters start again with each trace
        trace.Record(TraceSamples.M3ua(TraceDirection.Sent, TraceSamples.AspUp, 0, stream: 0));
        await trace.StopAsync();

        Assert.Equal(first, new FileInfo(path + ".1").Length);
        Assert.Single(Tshark.DecodeFile(path, [], "m3ua.message_class"));
        Assert.Equal(11, Tshark.DecodeFile(path + ".1", [], "frame.protocols").Count);
    }

    [Fact]
    public async Task A_bad_path_fails_start_and_leaves_the_trace_stopped()
    {
        using var work = new TempDirectory("gw-trace-");
        await using var trace = new SignallingTrace();
        Assert.ThrowsAny<IOException>(() => trace.Start(new SignallingTraceOptions(work.Combine("missing/dir/trace.pcapng"))));
        Assert.False(trace.IsTracing);
        trace.Record(TraceSamples.M3ua(TraceDirection.Sent, TraceSamples.AspUp, 0));
        Assert.Equal(0, trace.Dropped);
    }
}
