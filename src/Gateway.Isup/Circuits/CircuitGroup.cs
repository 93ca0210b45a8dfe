using Gateway.Fsm;
namespace Gateway.Isup;

/// <summary>
/// The circuits toward one destination point code and every procedure that spans them: receiving and dispatching
/// messages, reset (RSC, GRS), blocking (BLO/UBL, CGB/CGU), circuit selection and dual seizure preference, automatic
/// repeat attempts, user part availability, and the unexpected and unrecognised message procedures.
/// </summary>
/// <remarks>
/// <para>
/// <b>Threading.</b> One lock per group serialises everything that touches its circuits: received messages, call
/// control's requests, maintenance commands and timer expiries. Under it the state machines fire and only record their
/// effects; after it is released, two <see cref="EffectOutbox{TEffect}"/>s deliver them, each one thread at a time, in
/// order: the signals toward the peer, and the call and maintenance events. A group message (GRS, CGB) is thereby atomic
/// over its range, the signals leave in the order they were decided, and the events of one circuit never overlap.
/// </para>
/// <para>
/// A handled message allocates nothing (signals and events are structs, the machines' actions static); a call
/// allocates its <see cref="IsupCall"/>, a maintenance procedure its request.
/// </para>
/// </remarks>
internal sealed partial class CircuitGroup : IProcedureTimerTarget
{
    /// <summary>Q.763: a GRS or CQM covers at most 32 circuits, and a CGB or CGU blocks or unblocks at most 32.</summary>
    private const int MaxCircuitsPerGroupMessage = 32;

    private readonly Lock _gate = new();
    private readonly Circuit?[] _byCic;
    private readonly Circuit[] _circuits;
    private readonly IdleOrder _idleControlled;
    private readonly IdleOrder _idleOthers;
    private readonly List<MaintenanceRequest> _requests = [];
    private readonly List<RepeatAttempt> _repeatAttempts = [];
    // Effects decided under the group's lock, delivered outside it in order by one thread at a time: a port may call
    // straight back into the procedures, and one circuit's events never overlap. Signals have an outbox of their own: an
    // event goes up through call control and may send on SIP, and an answer decided on the SIP receive thread waited up
    // to 3 ms behind the INVITEs the M3UA receive thread was placing for other calls (docs/performance.md, item 23).
    private readonly EffectPorts _ports;
    private EffectOutbox<Effect> _signals = new(16);
    private EffectOutbox<Effect> _events = new(16);
    private readonly bool _controlsEven;
    private readonly CircuitSelection _selection;
    private readonly bool _preferControlled;
    private readonly UnequippedCicPolicy _unequippedCic;
    private readonly CauseLocation _causeLocation;
    private ProcedureTimer? _userPartTimer;
    private bool _routeAvailable;
    private UserPartAvailability _userPart;
    private int _roundRobinNext;

    public CircuitGroup(
        IsupExchangeOptions exchange,
        CircuitGroupOptions options,
        IIsupSignalSink signals,
        IIsupCallEventSink calls,
        IIsupMaintenanceSink maintenance,
        TimeProvider time)
    {
        Dpc = options.Dpc;
        Timers = exchange.Timers;
        Time = time;
        MaxRepeatAttempts = exchange.MaxRepeatAttempts;
        _controlsEven = exchange.Opc > options.Dpc; // Q.764 §2.9.1.4: the higher point code controls the even CICs
        _selection = options.Selection;
        _preferControlled = options.PreferControlledCircuits;
        _unequippedCic = exchange.UnequippedCic;
        _causeLocation = exchange.CauseLocation;
        _ports = new EffectPorts(Dpc, signals, calls, maintenance);

        var circuits = new List<Circuit>();
        int highest = 0;
        foreach (CircuitCodeRange range in options.Cics)
        {
            highest = Math.Max(highest, range.Last);
        }

        _byCic = new Circuit?[highest + 1];
        foreach (CircuitCodeRange range in options.Cics)
        {
            for (int cic = range.First; cic <= range.Last; cic++)
            {
                var circuit = new Circuit(this, cic);
                _byCic[cic] = circuit;
                circuits.Add(circuit);
            }
        }

        circuits.Sort(static (a, b) => a.Cic.CompareTo(b.Cic));
        _circuits = [.. circuits];
        // Two orders, for the circuits we control in dual seizure and the others: a side that takes only its own would
        // otherwise walk past every idle circuit of the other parity on each call.
        _idleControlled = new IdleOrder(Array.FindAll(_circuits, c => Controls(c.Cic)));
        _idleOthers = new IdleOrder(Array.FindAll(_circuits, c => !Controls(c.Cic)));
    }

    public int Dpc { get; }

    public IsupTimerSettings Timers { get; }

    public TimeProvider Time { get; }

    public int MaxRepeatAttempts { get; }

    /// <summary>New calls may be offered: the route is up and the peer's ISUP is available.</summary>
    private bool CanOffer => _routeAvailable && _userPart == UserPartAvailability.Available;

    /// <summary>Whether we control <paramref name="cic"/> in dual seizure (Q.764 §2.9.1.4).</summary>
    public bool Controls(int cic) => ((cic & 1) == 0) == _controlsEven;

    /// <summary>A cause the procedures generate, with the configured location.</summary>
    public IsupCause Cause(byte value) => new(value, _causeLocation);

    // ---- Effects, under the lock.

    public void EmitSignal(in IsupSignal signal) => _signals.Add(new Effect(in signal));

    public void EmitCallEvent(IsupCall call, in IsupCallEvent callEvent) => _events.Add(new Effect(call, in callEvent));

    public void Report(in IsupMaintenanceEvent maintenanceEvent) => _events.Add(new Effect(in maintenanceEvent));

    private void Report(
        IsupMaintenanceEventKind kind,
        int cic = -1,
        int count = 0,
        CircuitState? state = null,
        IsupMessageType? messageType = null,
        IsupCause cause = default,
        IsupMaintenanceAction action = IsupMaintenanceAction.None,
        int otherCic = -1) =>
        Report(new IsupMaintenanceEvent(kind, Dpc, cic, count, state, messageType, cause: cause, action: action, otherCic: otherCic));

    // ---- Entry points: each takes the lock, acts, settles, and delivers outside the lock.

    /// <summary>A message from the peer.</summary>
    public void Receive(in IsupSignal signal)
    {
        EffectDelivery deliver;
        lock (_gate)
        {
            ReceiveLocked(in signal);
            deliver = Settle();
        }

        Deliver(deliver);
    }

    /// <summary>The route to the peer is up (M3UA AS-ACTIVE, no DUNA): reset every circuit, offer them once acknowledged.</summary>
    public void RouteAvailable()
    {
        EffectDelivery deliver;
        lock (_gate)
        {
            if (!_routeAvailable)
            {
                _routeAvailable = true;
                _userPart = UserPartAvailability.Available;
                Report(IsupMaintenanceEventKind.RouteAvailable, count: _circuits.Length);
                ResetAllCircuits();
            }

            deliver = Settle();
        }

        Deliver(deliver);
    }

    /// <summary>The route to the peer is down: calls are cleared locally (answered ones kept when asked), procedures stop, nothing is offered.</summary>
    public void RouteUnavailable(bool holdAnsweredCalls)
    {
        EffectDelivery deliver;
        lock (_gate)
        {
            if (_routeAvailable)
            {
                _routeAvailable = false;
                _userPart = UserPartAvailability.Available;
                _userPartTimer?.Stop();
                Report(IsupMaintenanceEventKind.RouteUnavailable, count: _circuits.Length);
                while (_requests.Count > 0)
                {
                    _requests[^1].Cancel(); // removes itself
                }

                foreach (Circuit circuit in _circuits)
                {
                    if (!(holdAnsweredCalls && IsAnswered(circuit))) circuit.Fire(CircuitTrigger.RouteUnavailable);
                }
            }

            deliver = Settle();
        }

        Deliver(deliver);
    }

    /// <summary>Ends the answered calls kept through a route outage; nothing while the route is up.</summary>
    public int ReleaseHeldCalls()
    {
        EffectDelivery deliver;
        int released = 0;
        lock (_gate)
        {
            if (!_routeAvailable)
            {
                foreach (Circuit circuit in _circuits)
                {
                    if (IsAnswered(circuit) && circuit.Fire(CircuitTrigger.RouteUnavailable)) released++;
                }
            }

            deliver = Settle();
        }

        Deliver(deliver);
        return released;
    }

    private static bool IsAnswered(Circuit circuit) => circuit.State is CircuitState.OutgoingAnswered or CircuitState.IncomingAnswered;

    /// <summary>MTP reported the peer's ISUP unavailable (inaccessible: test it with UPT every T4; unequipped: alarm).</summary>
    public void UserPartUnavailable(bool unequipped)
    {
        EffectDelivery deliver;
        lock (_gate)
        {
            if (_routeAvailable)
            {
                if (unequipped && _userPart != UserPartAvailability.Unequipped)
                {
                    _userPart = UserPartAvailability.Unequipped;
                    _userPartTimer?.Stop();
                    Report(IsupMaintenanceEventKind.UserPartUnequipped);
                }
                else if (!unequipped && _userPart == UserPartAvailability.Available)
                {
                    _userPart = UserPartAvailability.Inaccessible;
                    Report(IsupMaintenanceEventKind.UserPartUnavailable);
                    SendUserPartTest();
                }
            }

            deliver = Settle();
        }

        Deliver(deliver);
    }

    /// <summary>Seizes a free circuit for an outgoing call and sends its IAM.</summary>
    public bool TrySeize(object? initialAddress, int avoidCic, object? userState, out IsupCall? call)
    {
        EffectDelivery deliver;
        lock (_gate)
        {
            call = null;
            if (CanOffer && Select(avoidCic) is Circuit circuit)
            {
                call = new IsupCall(this, IsupCallDirection.Outgoing, initialAddress) { UserState = userState };
                SendInitialAddress(circuit, call);
            }

            deliver = Settle();
        }

        Deliver(deliver);
        return call is not null;
    }

    /// <summary>Call control sends a message on its call; false when the call is over or the state does not allow it.</summary>
    public bool Send(IsupCall call, CircuitTrigger trigger, IsupMessageType type, object? message)
    {
        bool handled = false;
        EffectDelivery deliver;
        lock (_gate)
        {
            if (call.Circuit is Circuit circuit)
            {
                handled = circuit.Fire(trigger, IsupSignal.Call(type, circuit.Cic, message));
            }

            deliver = Settle();
        }

        Deliver(deliver);
        return handled;
    }

    /// <summary>Call control releases its call (REL with its cause); false when the call is already over.</summary>
    public bool Release(IsupCall call, IsupCause cause, object? message)
    {
        bool handled = false;
        EffectDelivery deliver;
        lock (_gate)
        {
            if (call.Circuit is Circuit circuit)
            {
                handled = circuit.Fire(CircuitTrigger.Release, IsupSignal.Release(circuit.Cic, cause, message));
            }

            deliver = Settle();
        }

        Deliver(deliver);
        return handled;
    }

    /// <summary>A snapshot of one circuit; null when the CIC is not equipped.</summary>
    public CircuitStatus? Status(int cic)
    {
        lock (_gate)
        {
            return Find(cic)?.ToStatus();
        }
    }

    /// <summary>A snapshot of every circuit, in CIC order.</summary>
    public CircuitStatus[] Snapshot()
    {
        lock (_gate)
        {
            var statuses = new CircuitStatus[_circuits.Length];
            for (int i = 0; i < _circuits.Length; i++)
            {
                statuses[i] = _circuits[i].ToStatus();
            }

            return statuses;
        }
    }

    /// <summary>Whether new calls are offered now.</summary>
    public bool IsOffering
    {
        get
        {
            lock (_gate)
            {
                return CanOffer;
            }
        }
    }

    /// <summary>A timer slot's callback, on a timer thread.</summary>
    public void OnTimerElapsed(ProcedureTimer timer)
    {
        EffectDelivery deliver;
        lock (_gate)
        {
            if (timer.TakeExpiry() is IsupTimer expired)
            {
                timer.Target.OnTimer(expired);
            }

            deliver = Settle();
        }

        Deliver(deliver);
    }

    void IProcedureTimerTarget.OnTimer(IsupTimer timer)
    {
        if (timer == IsupTimer.T4 && _routeAvailable && _userPart == UserPartAvailability.Inaccessible)
        {
            SendUserPartTest();
        }
    }

    /// <summary>A request has been acknowledged or cancelled: forget it.</summary>
    public void OnRequestFinished(MaintenanceRequest request)
    {
        if (request.Circuit is Circuit circuit)
        {
            if (circuit.BlockingRequest == request)
            {
                circuit.BlockingRequest = null;
            }

            if (circuit.ResetRequest == request)
            {
                circuit.ResetRequest = null;
            }
        }
        else
        {
            _requests.Remove(request);
        }
    }

    /// <summary>A call lost its circuit before any backward message; it is re-sent on another one once the current event is handled.</summary>
    public void QueueRepeatAttempt(IsupCall call, IsupCallEndReason reason, int previousCic) =>
        _repeatAttempts.Add(new RepeatAttempt(call, reason, previousCic));

    private Circuit? Find(int cic) => (uint)cic < (uint)_byCic.Length ? _byCic[cic] : null;

    /// <summary>After an event, under the lock: run the repeat attempts it caused, then claim what this thread delivers.</summary>
    private EffectDelivery Settle()
    {
        for (int i = 0; i < _repeatAttempts.Count; i++)
        {
            RepeatAttemptNow(_repeatAttempts[i]);
        }

        _repeatAttempts.Clear();
        return (_signals.ClaimDelivery() ? EffectDelivery.Signals : EffectDelivery.None) | (_events.ClaimDelivery() ? EffectDelivery.Events : EffectDelivery.None);
    }

    private void Deliver(EffectDelivery delivery)
    {
        // Signals first: they are quick, and the peer is waiting for them. A claim is always followed by its delivery,
        // whatever a port throws, or the outbox would stay claimed by nobody.
        try
        {
            if ((delivery & EffectDelivery.Signals) != 0)
            {
                _signals.Deliver(_gate, _ports);
            }
        }
        finally
        {
            if ((delivery & EffectDelivery.Events) != 0)
            {
                _events.Deliver(_gate, _ports);
            }
        }
    }

    private void RepeatAttemptNow(RepeatAttempt attempt)
    {
        IsupCall call = attempt.Call;
        call.RepeatAttempts++;
        Circuit? circuit = CanOffer ? Select(attempt.PreviousCic) : null;
        if (circuit is null)
        {
            call.End();
            EmitCallEvent(call, new IsupCallEvent(IsupCallEventKind.Failed, cause: Cause(IsupCauses.NoCircuitAvailable), reason: attempt.Reason));
            return;
        }

        Report(IsupMaintenanceEventKind.RepeatAttempt, circuit.Cic, messageType: IsupMessageType.IAM, otherCic: attempt.PreviousCic);
        EmitCallEvent(call, new IsupCallEvent(IsupCallEventKind.Reattempted, reason: attempt.Reason, previousCic: attempt.PreviousCic));
        SendInitialAddress(circuit, call);
    }

    private static void SendInitialAddress(Circuit circuit, IsupCall call)
    {
        circuit.Seize(call);
        circuit.Fire(CircuitTrigger.SendIam, IsupSignal.Call(IsupMessageType.IAM, circuit.Cic, call.InitialAddress));
    }

    private void SendUserPartTest()
    {
        EmitSignal(IsupSignal.Of(IsupMessageType.UPT, _circuits[0].Cic));
        (_userPartTimer ??= new ProcedureTimer(this, this)).Start(IsupTimer.T4);
        Report(IsupMaintenanceEventKind.UserPartTestSent, _circuits[0].Cic, messageType: IsupMessageType.UPT);
    }

    // ---- Circuit selection (Q.764 §2.9.1.3).

    private Circuit? Select(int avoidCic) => SelectPreferring(avoidCic) ?? (avoidCic >= 0 ? SelectPreferring(-1) : null);

    private Circuit? SelectPreferring(int avoidCic) => _preferControlled
        ? SelectAmong(controlled: true, avoidCic) ?? SelectAmong(controlled: false, avoidCic)
        : SelectAmong(controlled: null, avoidCic);

    private Circuit? SelectAmong(bool? controlled, int avoidCic)
    {
        Circuit[] circuits = _circuits;
        int count = circuits.Length;
        switch (_selection)
        {
            case CircuitSelection.Ascending:
                for (int i = 0; i < count; i++)
                {
                    if (Eligible(circuits[i], controlled, avoidCic))
                    {
                        return circuits[i];
                    }
                }

                return null;
            case CircuitSelection.Descending:
                for (int i = count - 1; i >= 0; i--)
                {
                    if (Eligible(circuits[i], controlled, avoidCic))
                    {
                        return circuits[i];
                    }
                }

                return null;
            case CircuitSelection.RoundRobin:
                for (int k = 0; k < count; k++)
                {
                    int i = (_roundRobinNext + k) % count;
                    if (Eligible(circuits[i], controlled, avoidCic))
                    {
                        _roundRobinNext = (i + 1) % count;
                        return circuits[i];
                    }
                }

                return null;
            default:
                // Every circuit enters the lists at start and again each time it becomes idle (the idle state's
                // entry action), so the lists hold every idle circuit.
                return controlled switch
                {
                    true => FirstEligible(_idleControlled, avoidCic),
                    false => FirstEligible(_idleOthers, avoidCic),
                    null => Older(FirstEligible(_idleControlled, avoidCic), FirstEligible(_idleOthers, avoidCic)),
                };
        }
    }

    /// <summary>A circuit entered its idle state (under the lock): least-recently-used selection takes it last.</summary>
    internal void BecameIdle(Circuit circuit) => (Controls(circuit.Cic) ? _idleControlled : _idleOthers).BecameIdle(circuit);

    /// <summary>The circuit idle longest in <paramref name="order"/> that may be taken; circuits no longer idle leave it.</summary>
    private Circuit? FirstEligible(IdleOrder order, int avoidCic)
    {
        for (Circuit? circuit = order.First; circuit is not null;)
        {
            Circuit? next = circuit.IdleNext;
            if (circuit.State != CircuitState.Idle)
            {
                order.Unlink(circuit);
            }
            else if (Eligible(circuit, null, avoidCic))
            {
                return circuit;
            }

            circuit = next;
        }

        return null;
    }

    private static Circuit? Older(Circuit? a, Circuit? b) =>
        a is null ? b
        : b is null ? a
        : a.IdleSince < b.IdleSince || (a.IdleSince == b.IdleSince && a.Cic < b.Cic) ? a : b;

    private bool Eligible(Circuit circuit, bool? controlled, int avoidCic) =>
        circuit.IsOfferable && circuit.Cic != avoidCic && (controlled is not bool want || Controls(circuit.Cic) == want);
}
