using Gateway.Fsm;

namespace Gateway.Isup;

/// <summary>
/// One acknowledged maintenance procedure of ours — BLO, UBL, RSC, CGB, CGU or GRS — with the timer pair Q.764 gives
/// each: the message is repeated every short timer until the long timer first expires; then maintenance is alerted,
/// the short timer stops and the message is repeated every long timer, alerting each time, until the acknowledgement
/// comes or the request is cancelled (Q.764 §2.8.2, §2.9.3). After T5 the RSC runs without its short timer (T17 only).
/// </summary>
/// <remarks>Driven under its circuit group's lock; sends and reports through the group's outbox.</remarks>
internal sealed class MaintenanceRequest : IStateful<MaintenanceRequestState>, IProcedureTimerTarget
{
    private readonly CircuitGroup _group;
    private readonly bool _withoutShortTimer;
    private ProcedureTimer? _shortTimer;
    private ProcedureTimer? _longTimer;

    public MaintenanceRequest(CircuitGroup group, MaintenanceRequestKind kind, in IsupSignal signal, Circuit? circuit, bool withoutShortTimer = false)
    {
        _group = group;
        Kind = kind;
        Signal = signal;
        Circuit = circuit;
        _withoutShortTimer = withoutShortTimer;
    }

    /// <summary>The states and transitions every request shares.</summary>
    internal static StateMachine<MaintenanceRequestState, MaintenanceRequestTrigger, MaintenanceRequest> Machine { get; } = Build();

    /// <inheritdoc/>
    public MaintenanceRequestState State { get; set; } = MaintenanceRequestState.Created;

    public MaintenanceRequestKind Kind { get; }

    /// <summary>The message sent, and sent again on each repeat.</summary>
    public IsupSignal Signal { get; }

    /// <summary>The circuit of a BLO, UBL or RSC; null for the group messages.</summary>
    public Circuit? Circuit { get; }

    private IsupTimer? ShortTimer => _withoutShortTimer ? null : Kind switch
    {
        MaintenanceRequestKind.Blocking => IsupTimer.T12,
        MaintenanceRequestKind.Unblocking => IsupTimer.T14,
        MaintenanceRequestKind.Reset => IsupTimer.T16,
        MaintenanceRequestKind.GroupBlocking => IsupTimer.T18,
        MaintenanceRequestKind.GroupUnblocking => IsupTimer.T20,
        _ => IsupTimer.T22,
    };

    private IsupTimer LongTimer => Kind switch
    {
        MaintenanceRequestKind.Blocking => IsupTimer.T13,
        MaintenanceRequestKind.Unblocking => IsupTimer.T15,
        MaintenanceRequestKind.Reset => IsupTimer.T17,
        MaintenanceRequestKind.GroupBlocking => IsupTimer.T19,
        MaintenanceRequestKind.GroupUnblocking => IsupTimer.T21,
        _ => IsupTimer.T23,
    };

    public void Start() => Machine.Fire(this, MaintenanceRequestTrigger.Start);

    public void Acknowledge() => Machine.Fire(this, MaintenanceRequestTrigger.Acknowledged);

    public void Cancel() => Machine.Fire(this, MaintenanceRequestTrigger.Cancelled);

    /// <summary>Whether this is the group request an acknowledgement with this CIC, range and type answers.</summary>
    public bool Matches(MaintenanceRequestKind kind, in IsupSignal acknowledgement) =>
        Kind == kind
        && Signal.Cic == acknowledgement.Cic
        && Signal.Range == acknowledgement.Range
        && (kind == MaintenanceRequestKind.GroupReset || Signal.SupervisionType == acknowledgement.SupervisionType);

    void IProcedureTimerTarget.OnTimer(IsupTimer timer) =>
        Machine.Fire(this, timer == LongTimer ? MaintenanceRequestTrigger.LongTimerExpired : MaintenanceRequestTrigger.ShortTimerExpired);

    private static StateMachine<MaintenanceRequestState, MaintenanceRequestTrigger, MaintenanceRequest> Build()
    {
        var builder = new StateMachineBuilder<MaintenanceRequestState, MaintenanceRequestTrigger, MaintenanceRequest>(MaintenanceRequestState.Created);

        builder.Configure(MaintenanceRequestState.Created)
            .Permit(MaintenanceRequestTrigger.Start, MaintenanceRequestState.AwaitingAcknowledgement)
            .Permit(MaintenanceRequestTrigger.Cancelled, MaintenanceRequestState.Completed);

        builder.Configure(MaintenanceRequestState.Outstanding)
            .Permit(MaintenanceRequestTrigger.Acknowledged, MaintenanceRequestState.Completed)
            .Permit(MaintenanceRequestTrigger.Cancelled, MaintenanceRequestState.Completed);

        builder.Configure(MaintenanceRequestState.AwaitingAcknowledgement)
            .SubstateOf(MaintenanceRequestState.Outstanding)
            .OnEntry(static (request, _) => request.SendFirst(), "send, start the short timer (none for an RSC after T5) and the long timer")
            .OnExit(static (request, _) => request._shortTimer?.Stop(), "stop the short timer")
            .InternalTransition(MaintenanceRequestTrigger.ShortTimerExpired, static (request, _) => request.Repeat(), "send again, restart the short timer")
            .Permit(MaintenanceRequestTrigger.LongTimerExpired, MaintenanceRequestState.Repeating);

        builder.Configure(MaintenanceRequestState.Repeating)
            .SubstateOf(MaintenanceRequestState.Outstanding)
            .OnEntry(static (request, _) => request.AlarmAndRepeat(), "alert maintenance, send again, restart the long timer")
            .PermitReentry(MaintenanceRequestTrigger.LongTimerExpired)
            .Ignore(MaintenanceRequestTrigger.ShortTimerExpired);

        builder.Configure(MaintenanceRequestState.Completed)
            .OnEntry(static (request, _) => request.Finish(), "release the timers, forget the request")
            .Ignore(MaintenanceRequestTrigger.Acknowledged)
            .Ignore(MaintenanceRequestTrigger.Cancelled)
            .Ignore(MaintenanceRequestTrigger.ShortTimerExpired)
            .Ignore(MaintenanceRequestTrigger.LongTimerExpired);

        return builder.Build();
    }

    private void SendFirst()
    {
        _group.EmitSignal(Signal);
        if (ShortTimer is IsupTimer shortTimer)
        {
            (_shortTimer ??= new ProcedureTimer(_group, this)).Start(shortTimer);
        }

        (_longTimer ??= new ProcedureTimer(_group, this)).Start(LongTimer);
    }

    private void Repeat()
    {
        _group.EmitSignal(Signal);
        _shortTimer!.Start(ShortTimer!.Value);
    }

    private void AlarmAndRepeat()
    {
        _group.Report(new IsupMaintenanceEvent(
            IsupMaintenanceEventKind.AcknowledgementOverdue,
            _group.Dpc,
            Signal.Cic,
            count: Circuit is null ? Signal.CircuitCount : 0,
            state: Circuit?.State,
            messageType: Signal.Type,
            timer: LongTimer,
            action: IsupMaintenanceAction.Repeat));
        _group.EmitSignal(Signal);
        _longTimer!.Start(LongTimer);
    }

    private void Finish()
    {
        _shortTimer?.Dispose();
        _longTimer?.Dispose();
        _group.OnRequestFinished(this);
    }
}
