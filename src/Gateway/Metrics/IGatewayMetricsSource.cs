namespace Gateway.Metrics;

/// <summary>
/// The daemon's state as gauges see it, asked for only when a scraper reads the metrics (on the scraping thread), so
/// the signalling loops keep no metric copies of their state. Each method returns a snapshot; it must be safe to call
/// from a thread other than the loop that owns the state, and should be quick because the scrape waits for it.
/// </summary>
public interface IGatewayMetricsSource
{
    /// <summary>Calls in progress, one entry per direction (<see cref="MetricWords.SipToIsup"/>, <see cref="MetricWords.IsupToSip"/>).</summary>
    IReadOnlyList<ActiveCallCount> ActiveCalls();

    /// <summary>How many circuits are in each state, per destination point code; states with no circuits may be left out.</summary>
    IReadOnlyList<CircuitStateCount> Circuits();

    /// <summary>Every configured M3UA association, whether its transport is up and its ASP state.</summary>
    IReadOnlyList<AssociationStatus> Associations();
}
