using System.Net;
using Gateway.Configuration;
using Gateway.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Tests.Metrics;

public sealed class MetricsRegistrationTests
{
    [Fact]
    public async Task Registered_in_a_container_the_endpoint_serves_a_source_that_itself_records_into_the_metrics()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CallTable>();
        services.AddSingleton<IGatewayMetricsSource>(static sp => sp.GetRequiredService<CallTable>());
        services.AddGatewayMetrics(new MetricsOptions(true, IPAddress.Loopback, 0));
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<CallTable>().Offer();
        var endpoint = Assert.IsType<MetricsEndpoint>(Assert.Single(provider.GetServices<IHostedService>()));
        await endpoint.StartAsync(CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        string text = await http.GetStringAsync(new Uri($"http://{endpoint.LocalEndPoint}/metrics"));
        await endpoint.StopAsync(CancellationToken.None);

        Assert.Equal("1", MetricsText.Sample(text, """sipisupgw_call_attempts_total{direction="sip-to-isup"}"""));
        Assert.Equal("1", MetricsText.Sample(text, """sipisupgw_active_calls{direction="sip-to-isup"}"""));
    }

    [Fact]
    public async Task Disabled_there_are_metrics_to_record_into_but_nothing_listens()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IGatewayMetricsSource, FakeMetricsSource>();
        services.AddGatewayMetrics(MetricsOptions.Disabled);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<GatewayMetrics>().CallStarted(MetricWords.IsupToSip);
        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.Null(provider.GetService<PrometheusExporter>());
    }

    /// <summary>Stands for the call code: it records into the metrics and is also what the gauges read.</summary>
    private sealed class CallTable(GatewayMetrics metrics) : IGatewayMetricsSource
    {
        private long _active;

        public void Offer()
        {
            metrics.CallStarted(MetricWords.SipToIsup);
            Interlocked.Increment(ref _active);
        }

        public IReadOnlyList<ActiveCallCount> ActiveCalls() => [new(MetricWords.SipToIsup, Interlocked.Read(ref _active))];

        public IReadOnlyList<CircuitStateCount> Circuits() => [];

        public IReadOnlyList<AssociationStatus> Associations() => [];
    }
}
