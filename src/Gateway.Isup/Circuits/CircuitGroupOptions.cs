namespace Gateway.Isup;

/// <summary>
/// The circuits toward one destination point code: which CICs are equipped (every other CIC is unequipped) and how
/// outgoing calls choose among them. The daemon maps its configuration's circuit group to this record.
/// </summary>
/// <param name="Dpc">The peer's signalling point code (14 bits).</param>
/// <param name="Cics">The equipped CICs; the ranges must not overlap.</param>
public sealed record CircuitGroupOptions(int Dpc, IReadOnlyList<CircuitCodeRange> Cics)
{
    /// <summary>Selection order for outgoing calls. Default: least recently used (Q.764 §2.9.1.3 method 2).</summary>
    public CircuitSelection Selection { get; init; } = CircuitSelection.LeastRecentlyUsed;

    /// <summary>
    /// Take the circuits this exchange controls in dual seizure (Q.764 §2.9.1.4: the higher point code controls the
    /// even CICs) before the others, so that a glare is won more often than lost. Default: true.
    /// </summary>
    public bool PreferControlledCircuits { get; init; } = true;
}
