using System.Net;
using Gateway.Configuration;

namespace Gateway.Metrics;

/// <summary>
/// Where the metrics endpoint listens and how much it lets one client cost. The limits are generous for Prometheus,
/// which sends a few hundred bytes and reads at once, and keep a stuck or hostile client from holding resources.
/// </summary>
public sealed record MetricsEndpointOptions(IPEndPoint ListenOn)
{
    /// <summary>How long a client has to send its whole request head, and then to take the response.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxRequestHeadBytes { get; init; } = 8 * 1024;

    /// <summary>Connections served at once; more wait in the kernel's listen backlog.</summary>
    public int MaxConnections { get; init; } = 8;

    public static MetricsEndpointOptions From(MetricsOptions options) => new(options.EndPoint);
}
