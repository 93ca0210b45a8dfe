namespace Gateway.Metrics;

/// <summary>
/// The metrics and their exporter, made together: an exporter counts only what is recorded after it starts
/// listening, so it must exist as soon as anything can record, whichever of the two the container is asked for first.
/// </summary>
internal sealed class MetricsInstances(GatewayMetrics metrics, PrometheusExporter? exporter)
{
    public GatewayMetrics Metrics { get; } = metrics;

    public PrometheusExporter? Exporter { get; } = exporter;
}
