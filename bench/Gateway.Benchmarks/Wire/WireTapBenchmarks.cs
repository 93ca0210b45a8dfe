using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Metrics;
using Gateway.Sip;
using Gateway.Testing;
using Gateway.Tracing;
using Gateway.Wire;

namespace Gateway.Benchmarks.Wire;

/// <summary>
/// What the daemon adds to every message on the wire when no trace runs: the metrics count by protocol and type, with
/// the Prometheus exporter listening as it does when metrics are on. Target: well under 100 ns and 0 B, so that
/// counting never shows next to the parse itself.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class WireTapBenchmarks
{
    private readonly byte[] _invite = SipSamples.InviteBytes();
    private readonly byte[] _data = M3uaWireSamples.DataWithIam;
    private readonly IPEndPoint _local = new(IPAddress.Loopback, 5060);
    private readonly IPEndPoint _remote = new(IPAddress.Loopback, 5061);
    private GatewayMetrics _metrics = null!;
    private PrometheusExporter _exporter = null!;
    private SignallingTrace _trace = null!;
    private SignallingWireTap _tap = null!;

    [GlobalSetup]
    public void Setup()
    {
        _metrics = new GatewayMetrics(new NoSource(), TimeProvider.System, "bench");
        _exporter = new PrometheusExporter(_metrics);
        _trace = new SignallingTrace();
        _tap = new SignallingWireTap(_metrics, _trace, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _exporter.Dispose();
        _metrics.Dispose();
    }

    /// <summary>A received INVITE: its method read from the start line and counted.</summary>
    [Benchmark(Baseline = true)]
    public void SipInviteTapped() => _tap.Received(SipTransportProtocol.Udp, _local, _remote, _invite);

    /// <summary>An M3UA DATA's type and the ISUP type inside it found, as the M3UA tap does before counting both.</summary>
    [Benchmark]
    public int M3uaDataClassified()
    {
        string m3ua = MessageTypeWords.M3ua(_data);
        return M3uaProtocolData.TryRead(_data, out M3uaProtocolData data) && data.IsupMessageType is byte type
            ? m3ua.Length + MessageTypeWords.Isup(type).Length
            : m3ua.Length;
    }

    private sealed class NoSource : IGatewayMetricsSource
    {
        public IReadOnlyList<ActiveCallCount> ActiveCalls() => [];

        public IReadOnlyList<CircuitStateCount> Circuits() => [];

        public IReadOnlyList<AssociationStatus> Associations() => [];
    }
}
