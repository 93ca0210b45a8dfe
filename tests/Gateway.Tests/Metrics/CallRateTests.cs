using Gateway.Metrics;
using Gateway.Testing;

namespace Gateway.Tests.Metrics;

public sealed class CallRateTests
{
    private const string Rate = "sipisupgw_calls_per_second";

    [Fact]
    public void Calls_per_second_averages_the_last_ten_whole_seconds()
    {
        var time = new ManualTimeProvider();
        using var metrics = new GatewayMetrics(new FakeMetricsSource(), time, "1");
        using var exporter = new PrometheusExporter(metrics.Meter, DateTimeOffset.UnixEpoch);
        string RateNow() => MetricsText.Sample(exporter.Collect(), Rate)!;

        Start(metrics, 5);
        Assert.Equal("0", RateNow()); // the second in progress is not over, so not counted yet

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("0.5", RateNow());

        Start(metrics, 10);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("1.5", RateNow());

        // Second 0 leaves the window at second 11; second 1 is still in it.
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal("1", RateNow());

        // Second 11 reuses second 0's bucket; its count must start again from nothing.
        Start(metrics, 3);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("0.3", RateNow());

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("0", RateNow());
    }

    [Fact]
    public void A_quiet_gap_longer_than_the_window_leaves_no_stale_count()
    {
        var time = new ManualTimeProvider();
        using var metrics = new GatewayMetrics(new FakeMetricsSource(), time, "1");
        using var exporter = new PrometheusExporter(metrics.Meter, DateTimeOffset.UnixEpoch);
        Start(metrics, 7);
        // 22 seconds later the same bucket comes round twice; only the new call may count.
        time.Advance(TimeSpan.FromSeconds(22));
        Start(metrics, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("0.1", MetricsText.Sample(exporter.Collect(), Rate));
    }

    private static void Start(GatewayMetrics metrics, int calls)
    {
        for (int i = 0; i < calls; i++) metrics.CallStarted(MetricWords.SipToIsup);
    }
}
