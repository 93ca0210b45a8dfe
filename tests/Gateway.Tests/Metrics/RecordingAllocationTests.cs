using Gateway.Metrics;

namespace Gateway.Tests.Metrics;

public sealed class RecordingAllocationTests
{
    [Fact]
    public void Recording_allocates_nothing_once_each_series_exists()
    {
        using var metrics = new GatewayMetrics(new FakeMetricsSource(), TimeProvider.System, "1");
        using var exporter = new PrometheusExporter(metrics.Meter, DateTimeOffset.UnixEpoch);
        byte cause = 16;
        string invite = "INVITE";

        void RecordEverything()
        {
            metrics.CallStarted(MetricWords.SipToIsup);
            metrics.CallEnded(MetricWords.SipToIsup, MetricWords.Answered);
            metrics.Released(cause);
            metrics.MessageReceived(MetricWords.Sip, invite);
            metrics.MessageSent(MetricWords.Isup, "IAM");
            metrics.ParseError(MetricWords.M3ua);
        }

        // The first measurement of each tag combination creates its cell; that, and JIT, happen here.
        for (int i = 0; i < 100; i++) RecordEverything();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) RecordEverything();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        string text = exporter.Collect();
        Assert.Equal("10100", MetricsText.Sample(text, """sipisupgw_releases_total{cause="16"}"""));
        Assert.Equal("10100", MetricsText.Sample(text, """sipisupgw_messages_total{protocol="sip",direction="in",type="INVITE"}"""));
    }
}
