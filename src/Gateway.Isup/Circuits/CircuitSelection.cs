namespace Gateway.Isup;

/// <summary>
/// The order in which outgoing calls take idle circuits (Q.764 §2.9.1.3, preventive action against dual seizure).
/// With <see cref="CircuitGroupOptions.PreferControlledCircuits"/> the circuits this exchange controls come first
/// whatever the order.
/// </summary>
public enum CircuitSelection
{
    /// <summary>The lowest free CIC. Pair it with <see cref="Descending"/> at the peer (method 1 of §2.9.1.3).</summary>
    Ascending,

    /// <summary>The highest free CIC.</summary>
    Descending,

    /// <summary>The next free CIC after the one taken last, wrapping around: spreads the load over every circuit.</summary>
    RoundRobin,

    /// <summary>The free circuit released longest ago (method 2 of §2.9.1.3, with the controlled circuits first).</summary>
    LeastRecentlyUsed,
}
