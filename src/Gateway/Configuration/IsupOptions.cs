using Gateway.Isup;

namespace Gateway.Configuration;

/// <summary>
/// The <c>isup</c> section: our point code, the circuit groups, and the options of the Q.764 procedures. Every option
/// of the procedures defaults to <see cref="IsupExchangeOptions"/>' own default (a test holds them equal), so a file
/// that leaves them out runs the procedures as the library would by itself.
/// </summary>
public sealed record IsupOptions(int Opc, NetworkIndicator NetworkIndicator, IReadOnlyList<CircuitGroup> CircuitGroups)
{
    /// <summary>ITU-T Q.704 §2.2.2: the point code is 14 bits.</summary>
    public const int MaxPointCode = 16383;

    /// <summary>The most automatic repeat attempts accepted: Q.764 makes one; a few more are a national practice.</summary>
    public const int MaxMaxRepeatAttempts = 5;

    /// <summary>The Q.764 timers (<c>isup.timers</c>), each within <see cref="IsupTimerLimit"/>. Default: <see cref="IsupTimerSettings.Default"/>.</summary>
    public IsupTimerSettings Timers { get; init; } = IsupTimerSettings.Default;

    /// <summary>What to do with a message for a CIC we do not have (Q.764 §2.12). Default: discard it.</summary>
    public UnequippedCicPolicy UnequippedCicPolicy { get; init; } = UnequippedCicPolicy.Discard;

    /// <summary>How often an outgoing call that lost its circuit before any backward message is re-sent on another. Default 1.</summary>
    public int MaxRepeatAttempts { get; init; } = 1;

    /// <summary>The location in the causes the procedures generate. Default: LN, public network serving the local user.</summary>
    public CauseLocation CauseLocation { get; init; } = CauseLocation.PublicNetworkLocalUser;

    /// <summary>
    /// The Q.850 cause a call toward an unavailable DPC is refused with (34 "no circuit available", which a PBX
    /// typically reroutes on; or 38 "network out of order"). Congestion always gives 42.
    /// </summary>
    public byte RouteUnavailableCause { get; init; } = 34;

    /// <summary>How long answered calls are kept when their DPC becomes unavailable, before they are released; zero releases them at once.</summary>
    public TimeSpan HoldAnsweredCalls { get; init; } = TimeSpan.FromSeconds(60);
}
