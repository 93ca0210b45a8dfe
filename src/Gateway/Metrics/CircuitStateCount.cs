namespace Gateway.Metrics;

/// <summary>How many circuits towards point code <paramref name="Dpc"/> are in <paramref name="State"/> (a word such as "idle", "busy", "blocked").</summary>
public readonly record struct CircuitStateCount(int Dpc, string State, long Count);
