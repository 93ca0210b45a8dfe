using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Metrics;

/// <summary>
/// Resolves the real <see cref="IGatewayMetricsSource"/> at the first scrape instead of when
/// <see cref="GatewayMetrics"/> is built. The services that record into GatewayMetrics are the ones the source reads
/// from, so resolving it at construction would be a dependency cycle; by the first scrape the host is built.
/// </summary>
internal sealed class DeferredMetricsSource(IServiceProvider services) : IGatewayMetricsSource
{
    private readonly Lazy<IGatewayMetricsSource> _source = new(services.GetRequiredService<IGatewayMetricsSource>);

    public IReadOnlyList<ActiveCallCount> ActiveCalls() => _source.Value.ActiveCalls();

    public IReadOnlyList<CircuitStateCount> Circuits() => _source.Value.Circuits();

    public IReadOnlyList<AssociationStatus> Associations() => _source.Value.Associations();
}
