namespace Gateway.Isup;

/// <summary>
/// The ISUP circuit procedures of this signalling point (Q.764): one circuit group per destination point code, fed
/// with received signals and route events by the daemon, driven by call control through <see cref="CallControl"/> and
/// by maintenance through the commands below. Everything it decides goes out through three ports: messages to
/// <see cref="IIsupSignalSink"/>, call events to <see cref="IIsupCallEventSink"/>, log lines and alarms to
/// <see cref="IIsupMaintenanceSink"/>. It does no I/O itself and runs its timers on the injected
/// <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Thread-safe: every method may be called from any thread. Work on the circuits of one point code is serialised;
/// different point codes run in parallel. Nothing is offered on a group before <see cref="RouteAvailable"/> and the
/// reset it starts have completed.
/// </remarks>
public sealed class IsupExchange
{
    private readonly Dictionary<int, CircuitGroup> _groups = [];
    private readonly IIsupMaintenanceSink _maintenance;

    /// <summary>Creates the procedures for <paramref name="options"/>; every circuit starts unavailable (route down).</summary>
    /// <exception cref="ArgumentException">The options are not valid (<see cref="IsupExchangeOptions.Validate"/>).</exception>
    public IsupExchange(
        IsupExchangeOptions options,
        IIsupSignalSink signals,
        IIsupCallEventSink calls,
        IIsupMaintenanceSink maintenance,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(maintenance);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ISUP options: " + string.Join(" ", errors), nameof(options));
        }

        Options = options;
        _maintenance = maintenance;
        TimeProvider time = timeProvider ?? TimeProvider.System;
        foreach (CircuitGroupOptions group in options.CircuitGroups)
        {
            _groups.Add(group.Dpc, new CircuitGroup(options, group, signals, calls, maintenance, time));
        }

        CallControl = new IsupCallControl(this);
    }

    /// <summary>The options the procedures run with.</summary>
    public IsupExchangeOptions Options { get; }

    /// <summary>The call-control API for the interworking layer.</summary>
    public IsupCallControl CallControl { get; }

    /// <summary>
    /// A message from the peer <paramref name="opc"/> (the OPC of the received routing label), decoded by the codec.
    /// A message from a point code without a circuit group is reported and dropped.
    /// </summary>
    public void Receive(int opc, in IsupSignal signal)
    {
        if (_groups.TryGetValue(opc, out CircuitGroup? group))
        {
            group.Receive(in signal);
        }
        else
        {
            _maintenance.Report(new IsupMaintenanceEvent(IsupMaintenanceEventKind.UnknownPointCode, opc, signal.Cic, messageType: signal.Type, action: IsupMaintenanceAction.Discard));
        }
    }

    /// <summary>
    /// The route to <paramref name="dpc"/> is up (M3UA AS-ACTIVE and no DUNA; MTP-RESUME): the state of its circuits is
    /// unknown, so they are reset (GRS, RSC for lone circuits) and offered only once acknowledged; answered calls held
    /// through the outage are left alone, and the resets go around them. No effect when up.
    /// </summary>
    public void RouteAvailable(int dpc) => Group(dpc).RouteAvailable();

    /// <summary>
    /// The route to <paramref name="dpc"/> is down (DUNA, association lost; MTP-PAUSE): calls are cleared locally (call
    /// control is told), nothing is offered. With <paramref name="holdAnsweredCalls"/>, answered calls stay up: their
    /// speech path does not need signalling, and an outage of seconds should not cut conversations. They end when
    /// <see cref="ReleaseHeldCalls"/> is called (the daemon's hold time), or carry on if the route returns first.
    /// </summary>
    public void RouteUnavailable(int dpc, bool holdAnsweredCalls = false) => Group(dpc).RouteUnavailable(holdAnsweredCalls);

    /// <summary>
    /// While the route to <paramref name="dpc"/> is down, clears locally the answered calls
    /// <see cref="RouteUnavailable"/> held. No effect while the route is up.
    /// </summary>
    /// <returns>How many calls ended.</returns>
    public int ReleaseHeldCalls(int dpc) => Group(dpc).ReleaseHeldCalls();

    /// <summary>
    /// MTP reported the peer's ISUP unavailable (M3UA DUPU, user part 5): cause "inaccessible remote user" stops new
    /// calls and tests the peer with UPT every T4 until it sends anything; cause "unequipped remote user"
    /// (<paramref name="unequipped"/>) stops new calls and raises an alarm.
    /// </summary>
    public void UserPartUnavailable(int dpc, bool unequipped) => Group(dpc).UserPartUnavailable(unequipped);

    /// <summary>Blocks a circuit for maintenance (BLO): calls on it finish, no new ones either way.</summary>
    /// <returns>False when the CIC is not equipped or already blocked by us.</returns>
    public bool Block(int dpc, int cic) => Group(dpc).Block(cic);

    /// <summary>Unblocks a circuit we blocked for maintenance (UBL).</summary>
    /// <returns>False when the CIC is not equipped or not blocked by us.</returns>
    public bool Unblock(int dpc, int cic) => Group(dpc).Unblock(cic);

    /// <summary>
    /// Blocks the equipped circuits of <paramref name="count"/> CICs (2–256) from <paramref name="first"/> with one CGB.
    /// <see cref="CircuitGroupSupervisionType.HardwareFailureOriented"/> also clears their calls at once, without REL.
    /// </summary>
    /// <returns>False when none of them needed blocking.</returns>
    /// <exception cref="ArgumentException">More than 32 circuits would change (Q.763 allows 32 per message).</exception>
    public bool BlockGroup(int dpc, int first, int count, CircuitGroupSupervisionType type) => Group(dpc).BlockGroup(first, count, type);

    /// <summary>Unblocks, with one CGU, the circuits of the range that we blocked with <paramref name="type"/>.</summary>
    /// <returns>False when none of them was blocked by us with that type.</returns>
    public bool UnblockGroup(int dpc, int first, int count, CircuitGroupSupervisionType type) => Group(dpc).UnblockGroup(first, count, type);

    /// <summary>Resets one circuit (RSC); a call on it ends (re-attempted when it can be).</summary>
    /// <returns>False when the CIC is not equipped, the route is down, or the circuit is already being reset.</returns>
    public bool Reset(int dpc, int cic) => Group(dpc).Reset(cic);

    /// <summary>Resets 2–32 consecutive equipped circuits with one GRS; calls on them end.</summary>
    /// <returns>False when the route is down.</returns>
    public bool ResetGroup(int dpc, int first, int count) => Group(dpc).ResetGroup(first, count);

    /// <summary>A snapshot of one circuit.</summary>
    /// <exception cref="ArgumentException">The CIC is not equipped toward <paramref name="dpc"/>.</exception>
    public CircuitStatus GetCircuitStatus(int dpc, int cic) =>
        Group(dpc).Status(cic) ?? throw new ArgumentException($"CIC {cic} is not equipped toward DPC {dpc}.", nameof(cic));

    /// <summary>A snapshot of every circuit toward <paramref name="dpc"/>, in CIC order.</summary>
    public IReadOnlyList<CircuitStatus> GetCircuitStatuses(int dpc) => Group(dpc).Snapshot();

    /// <summary>Whether new calls are offered toward <paramref name="dpc"/> (route up, peer's ISUP available).</summary>
    public bool IsOffering(int dpc) => Group(dpc).IsOffering;

    internal CircuitGroup Group(int dpc) =>
        _groups.TryGetValue(dpc, out CircuitGroup? group) ? group : throw new ArgumentException($"No circuit group toward DPC {dpc}.", nameof(dpc));
}
