using Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GatewayMetrics"/> always, because recording with nobody listening costs next to nothing
    /// and the call code then needs no "metrics on?" branches; and, when <paramref name="options"/> enable them, the
    /// <see cref="PrometheusExporter"/> and the <see cref="MetricsEndpoint"/> as a hosted service. The container must
    /// also hold a <see cref="TimeProvider"/> and an <see cref="IGatewayMetricsSource"/>; the source is resolved at the
    /// first scrape, so it may depend on services that themselves take <see cref="GatewayMetrics"/>.
    /// </summary>
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services, MetricsOptions options)
    {
        services.AddSingleton(sp =>
        {
            var metrics = new GatewayMetrics(new DeferredMetricsSource(sp), sp.GetRequiredService<TimeProvider>());
            return new MetricsInstances(metrics, options.Enabled ? new PrometheusExporter(metrics) : null);
        });
        // Factories, so that the container disposes both: the exporter's listener and the meter.
        services.AddSingleton(static sp => sp.GetRequiredService<MetricsInstances>().Metrics);
        if (!options.Enabled) return services;
        services.AddSingleton(static sp => sp.GetRequiredService<MetricsInstances>().Exporter!);
        services.AddSingleton(sp => new MetricsEndpoint(
            sp.GetRequiredService<PrometheusExporter>(),
            MetricsEndpointOptions.From(options),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<MetricsEndpoint>()));
        services.AddHostedService(static sp => sp.GetRequiredService<MetricsEndpoint>());
        return services;
    }
}
