using Gateway.Isup;

namespace Gateway.Configuration;

/// <summary>Circuits toward one destination point code, reached over one M3UA association or several.</summary>
/// <param name="Associations">The associations that reach <paramref name="Dpc"/>, in order of preference.</param>
/// <param name="Cics">The CICs of the group as written, unequipped ones included.</param>
public sealed record CircuitGroup(string Name, int Dpc, IReadOnlyList<string> Associations, IReadOnlyList<CicRange> Cics)
{
    /// <summary>How <see cref="Associations"/> share the traffic. Default: failover.</summary>
    public RouteMode RouteMode { get; init; } = RouteMode.Failover;

    // The defaults below are CircuitGroupOptions' own; a test keeps them equal, so an absent key means what the
    // procedures would choose by themselves.

    /// <summary>The order outgoing calls take idle circuits in (Q.764 §2.9.1.3). Default: least recently used.</summary>
    public CircuitSelection Selection { get; init; } = CircuitSelection.LeastRecentlyUsed;

    /// <summary>Take the circuits we control in dual seizure first (Q.764 §2.9.1.4). Default: true.</summary>
    public bool PreferControlledCircuits { get; init; } = true;

    /// <summary>
    /// CICs within <see cref="Cics"/> that this gateway does not equip (a timeslot that carries signalling, circuits
    /// not provisioned yet): never seized, reset or blocked, and a message for one is handled as for any CIC we do not
    /// have. Listed apart so that <see cref="Cics"/> can be written as the spans the peer's configuration shows.
    /// Default: none.
    /// </summary>
    public IReadOnlyList<CicRange> UnequippedCics { get; init; } = [];
}
