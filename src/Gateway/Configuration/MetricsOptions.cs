using System.Net;

namespace Gateway.Configuration;

/// <summary>
/// Whether and where the Prometheus metrics endpoint listens. Off unless asked for: an HTTP port is an attack surface
/// an operator must choose, and on loopback by default so that exposing it wider is a second, deliberate choice.
/// </summary>
public sealed record MetricsOptions(bool Enabled, IPAddress Address, int Port)
{
    /// <summary>Prometheus' registry of default ports has no entry for this gateway; 9464 is the usual exporter port.</summary>
    public const int DefaultPort = 9464;

    public static MetricsOptions Disabled { get; } = new(false, IPAddress.Loopback, DefaultPort);

    public IPEndPoint EndPoint => new(Address, Port);
}
