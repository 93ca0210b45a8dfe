using Gateway.Metrics;
using Gateway.Testing;

namespace Gateway.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    private static readonly DateTimeOffset ProcessStart = DateTimeOffset.FromUnixTimeSeconds(1_764_619_200);

    [Fact]
    public void Renders_counters_and_gauges_in_the_text_exposition_format()
    {
        var time = new ManualTimeProvider();
        var source = new FakeMetricsSource
        {
            ActiveCallCounts = [new(MetricWords.SipToIsup, 1), new(MetricWords.IsupToSip, 0)],
            CircuitCounts = [new(2, "idle", 30), new(2, "busy", 1)],
            AssociationStates = [new("stp", true, MetricWords.AspActive), new("odd \"name\"\\x\ny", false, MetricWords.AspDown)],
        };
        using var metrics = new GatewayMetrics(source, time, "1.2.3");
        using var exporter = new PrometheusExporter(metrics.Meter, ProcessStart);

        metrics.CallStarted(MetricWords.SipToIsup);
        metrics.CallStarted(MetricWords.SipToIsup);
        metrics.CallStarted(MetricWords.IsupToSip);
        metrics.CallEnded(MetricWords.SipToIsup, MetricWords.Answered);
        metrics.CallEnded(MetricWords.SipToIsup, MetricWords.Rejected);
        metrics.Released(16);
        metrics.Released(16);
        metrics.Released(34);
        metrics.MessageReceived(MetricWords.Sip, "INVITE");
        metrics.MessageSent(MetricWords.Sip, "200");
        metrics.MessageSent(MetricWords.Isup, "IAM");
        metrics.MessageSent(MetricWords.Isup, "IAM");
        time.Advance(TimeSpan.FromSeconds(1));

        const string expected = """
            # HELP process_start_time_seconds Start time of the process since the Unix epoch in seconds.
            # TYPE process_start_time_seconds gauge
            process_start_time_seconds 1764619200
            # HELP sipisupgw_active_calls Calls in progress, by direction.
            # TYPE sipisupgw_active_calls gauge
            sipisupgw_active_calls{direction="isup-to-sip"} 0
            sipisupgw_active_calls{direction="sip-to-isup"} 1
            # HELP sipisupgw_asp_state 1 for the M3UA association's current ASP state, 0 for the others.
            # TYPE sipisupgw_asp_state gauge
            sipisupgw_asp_state{association="odd \"name\"\\x\ny",state="active"} 0
            sipisupgw_asp_state{association="odd \"name\"\\x\ny",state="down"} 1
            sipisupgw_asp_state{association="odd \"name\"\\x\ny",state="inactive"} 0
            sipisupgw_asp_state{association="stp",state="active"} 1
            sipisupgw_asp_state{association="stp",state="down"} 0
            sipisupgw_asp_state{association="stp",state="inactive"} 0
            # HELP sipisupgw_association_up 1 when the M3UA association's transport is connected, 0 when not.
            # TYPE sipisupgw_association_up gauge
            sipisupgw_association_up{association="odd \"name\"\\x\ny"} 0
            sipisupgw_association_up{association="stp"} 1
            # HELP sipisupgw_build_info The gateway's version, as a label; the value is always 1.
            # TYPE sipisupgw_build_info gauge
            sipisupgw_build_info{version="1.2.3"} 1
            # HELP sipisupgw_call_attempts_total Calls offered to the gateway, by direction.
            # TYPE sipisupgw_call_attempts_total counter
            sipisupgw_call_attempts_total{direction="isup-to-sip"} 1
            sipisupgw_call_attempts_total{direction="sip-to-isup"} 2
            # HELP sipisupgw_calls_per_second Calls offered per second over the last 10 whole seconds.
            # TYPE sipisupgw_calls_per_second gauge
            sipisupgw_calls_per_second 0.3
            # HELP sipisupgw_calls_total Calls ended, by direction and outcome.
            # TYPE sipisupgw_calls_total counter
            sipisupgw_calls_total{direction="sip-to-isup",outcome="answered"} 1
            sipisupgw_calls_total{direction="sip-to-isup",outcome="rejected"} 1
            # HELP sipisupgw_circuits ISUP circuits, by destination point code and state.
            # TYPE sipisupgw_circuits gauge
            sipisupgw_circuits{dpc="2",state="busy"} 1
            sipisupgw_circuits{dpc="2",state="idle"} 30
            # HELP sipisupgw_messages_total Signalling messages received (in) and sent (out), by protocol and message type.
            # TYPE sipisupgw_messages_total counter
            sipisupgw_messages_total{protocol="isup",direction="out",type="IAM"} 2
            sipisupgw_messages_total{protocol="sip",direction="in",type="INVITE"} 1
            sipisupgw_messages_total{protocol="sip",direction="out",type="200"} 1
            # HELP sipisupgw_parse_errors_total Received messages that could not be decoded, by protocol.
            # TYPE sipisupgw_parse_errors_total counter
            # HELP sipisupgw_releases_total Calls released, by Q.850 cause value.
            # TYPE sipisupgw_releases_total counter
            sipisupgw_releases_total{cause="16"} 2
            sipisupgw_releases_total{cause="34"} 1

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), exporter.Collect());
    }

    [Fact]
    public void A_gauge_series_that_is_no_longer_observed_disappears()
    {
        var source = new FakeMetricsSource { CircuitCounts = [new(2, "idle", 30), new(2, "blocked", 1)] };
        using var metrics = new GatewayMetrics(source, new ManualTimeProvider(), "1");
        using var exporter = new PrometheusExporter(metrics.Meter, ProcessStart);
        Assert.Equal("1", MetricsText.Sample(exporter.Collect(), """sipisupgw_circuits{dpc="2",state="blocked"}"""));

        source.CircuitCounts = [new(2, "idle", 31)];
        string text = exporter.Collect();
        Assert.Null(MetricsText.Sample(text, """sipisupgw_circuits{dpc="2",state="blocked"}"""));
        Assert.Equal("31", MetricsText.Sample(text, """sipisupgw_circuits{dpc="2",state="idle"}"""));
    }

    [Fact]
    public void An_asp_state_outside_the_known_three_is_still_shown_as_current()
    {
        var source = new FakeMetricsSource { AssociationStates = [new("sg", true, "pending")] };
        using var metrics = new GatewayMetrics(source, new ManualTimeProvider(), "1");
        using var exporter = new PrometheusExporter(metrics.Meter, ProcessStart);
        string text = exporter.Collect();
        Assert.Equal("1", MetricsText.Sample(text, """sipisupgw_asp_state{association="sg",state="pending"}"""));
        Assert.Equal("0", MetricsText.Sample(text, """sipisupgw_asp_state{association="sg",state="active"}"""));
    }

    [Fact]
    public void Counts_only_the_meter_it_was_given()
    {
        using var mine = new GatewayMetrics(new FakeMetricsSource(), new ManualTimeProvider(), "1");
        using var other = new GatewayMetrics(new FakeMetricsSource(), new ManualTimeProvider(), "1");
        using var exporter = new PrometheusExporter(mine.Meter, ProcessStart);
        mine.ParseError(MetricWords.Sip);
        other.ParseError(MetricWords.Sip);
        other.ParseError(MetricWords.Sip);
        Assert.Equal("1", MetricsText.Sample(exporter.Collect(), """sipisupgw_parse_errors_total{protocol="sip"}"""));
    }

    [Fact]
    public void A_failing_gauge_is_reported_and_the_rest_still_rendered()
    {
        using var metrics = new GatewayMetrics(new ThrowingSource(), new ManualTimeProvider(), "1");
        using var exporter = new PrometheusExporter(metrics.Meter, ProcessStart);
        metrics.Released(31);
        var failures = new List<Exception>();
        string text = exporter.Collect(failures.Add);
        Assert.NotEmpty(failures);
        Assert.Equal("1", MetricsText.Sample(text, """sipisupgw_releases_total{cause="31"}"""));
        Assert.Contains("# TYPE sipisupgw_active_calls gauge\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cause_beyond_seven_bits_is_counted_as_invalid()
    {
        using var metrics = new GatewayMetrics(new FakeMetricsSource(), new ManualTimeProvider(), "1");
        using var exporter = new PrometheusExporter(metrics.Meter, ProcessStart);
        metrics.Released(200);
        Assert.Equal("1", MetricsText.Sample(exporter.Collect(), """sipisupgw_releases_total{cause="invalid"}"""));
    }

    private sealed class ThrowingSource : IGatewayMetricsSource
    {
        public IReadOnlyList<ActiveCallCount> ActiveCalls() => throw new InvalidOperationException("loop gone");

        public IReadOnlyList<CircuitStateCount> Circuits() => throw new InvalidOperationException("loop gone");

        public IReadOnlyList<AssociationStatus> Associations() => throw new InvalidOperationException("loop gone");
    }
}
