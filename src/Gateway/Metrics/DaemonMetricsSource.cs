using Gateway.Control;
using Gateway.Interworking;
using Gateway.Isup;
using Gateway.M3ua;
using Gateway.Signalling;

namespace Gateway.Metrics;

/// <summary>
/// The gauges' view of the running daemon, read at each scrape: the calls, each DPC's circuits by state (in the words of
/// <c>sip-isup-gateway circuits</c>), and each association. Before the services start it sees nothing, which is true.
/// </summary>
public sealed class DaemonMetricsSource(SignallingService signalling, InterworkingService calls) : IGatewayMetricsSource
{
    public IReadOnlyList<ActiveCallCount> ActiveCalls()
    {
        long sipToIsup = 0, isupToSip = 0;
        foreach (ICallRecord call in calls.Calls)
        {
            if (call.Direction == MetricWords.SipToIsup) sipToIsup++;
            else isupToSip++;
        }
        return [new(MetricWords.SipToIsup, sipToIsup), new(MetricWords.IsupToSip, isupToSip)];
    }

    public IReadOnlyList<CircuitStateCount> Circuits()
    {
        if (signalling.Exchange is not { } exchange) return [];
        var counts = new List<CircuitStateCount>();
        foreach (int dpc in signalling.Destinations.Keys)
        {
            var byState = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (CircuitStatus circuit in exchange.GetCircuitStatuses(dpc))
            {
                string word = circuit.Blocking != CircuitBlocking.None ? "blocked" : CircuitWords.Of(circuit.State);
                byState[word] = byState.GetValueOrDefault(word) + 1;
            }
            foreach (var (state, count) in byState) counts.Add(new CircuitStateCount(dpc, state, count));
        }
        return counts;
    }

    public IReadOnlyList<AssociationStatus> Associations()
    {
        var associations = new List<AssociationStatus>();
        foreach (ConfiguredAssociation a in signalling.Associations)
        {
            string asp = a.Association.Management.AspStatus switch
            {
                AspStatus.Active => MetricWords.AspActive,
                AspStatus.Inactive => MetricWords.AspInactive,
                _ => MetricWords.AspDown,
            };
            associations.Add(new AssociationStatus(a.Settings.Name, a.Association.Connection is { IsOpen: true }, asp));
        }
        return associations;
    }
}
