using Gateway.Metrics;

namespace Gateway.Tests.Metrics;

/// <summary>A gateway state the test sets directly, as the daemon's loops would report it.</summary>
internal sealed class FakeMetricsSource : IGatewayMetricsSource
{
    public List<ActiveCallCount> ActiveCallCounts { get; set; } = [];

    public List<CircuitStateCount> CircuitCounts { get; set; } = [];

    public List<AssociationStatus> AssociationStates { get; set; } = [];

    public IReadOnlyList<ActiveCallCount> ActiveCalls() => ActiveCallCounts;

    public IReadOnlyList<CircuitStateCount> Circuits() => CircuitCounts;

    public IReadOnlyList<AssociationStatus> Associations() => AssociationStates;
}
