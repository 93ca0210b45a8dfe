using Gateway.Fsm;

namespace Gateway.Isup;

/// <summary>
/// One circuit toward a peer: the context of the per-CIC machine (<see cref="CircuitMachine"/>), its blocking states,
/// the call it carries, its timers and its own maintenance procedures (BLO/UBL, RSC). Everything here runs under the
/// circuit group's lock; what the machine decides (messages, call events, maintenance events) goes to the group's
/// outbox and is delivered after the lock is released.
/// </summary>
internal sealed class Circuit : IStateful<CircuitState>, IProcedureTimerTarget
{
    private ProcedureTimer? _callTimer;        // T7, T9, T11, T2/T6: never two at once
    private ProcedureTimer? _informationTimer; // T33, which runs beside T11
    private ProcedureTimer? _releaseTimer;     // T1
    private ProcedureTimer? _releaseGuardTimer; // T5
    private IsupSignal _release;               // the REL sent, and re-sent on T1

    public Circuit(CircuitGroup group, int cic)
    {
        Group = group;
        Cic = cic;
    }

    public CircuitGroup Group { get; }

    public int Cic { get; }

    /// <inheritdoc/>
    public CircuitState State { get; set; } = CircuitMachine.Machine.InitialState;

    public CircuitBlocking Blocking { get; set; }

    /// <summary>The peer answered UCIC: not offered, and left out of GRS ranges, until an RSC of ours gets its RLC.</summary>
    public bool FarEndUnequipped { get; set; }

    /// <summary>The call on the circuit, while <see cref="CircuitState.Busy"/>.</summary>
    public IsupCall? Call { get; private set; }

    /// <summary>
    /// The current call has had a backward message (outgoing: received ACM, CON, ANM or INR; incoming: sent ACM, CON,
    /// ANM or INR). Before one, an IAM from the peer on an outgoing call is dual seizure, and a message the state does
    /// not expect resets the circuit (Q.764 §2.9.5.1 e).
    /// </summary>
    public bool BackwardMessageSeen { get; private set; }

    /// <summary>When the circuit last became idle, in <see cref="TimeProvider.GetTimestamp"/> units (least-recently-used selection).</summary>
    public long IdleSince { get; private set; }

    // The group's IdleOrder links (under the group's lock).
    internal Circuit? IdlePrevious { get; set; }

    internal Circuit? IdleNext { get; set; }

    internal bool InIdleOrder { get; set; }

    /// <summary>Our BLO or UBL waiting for BLA or UBA.</summary>
    public MaintenanceRequest? BlockingRequest { get; set; }

    /// <summary>Our RSC waiting for RLC.</summary>
    public MaintenanceRequest? ResetRequest { get; set; }

    /// <summary>Set by the machine's unhandled-trigger policy during the last Fire.</summary>
    public bool Unhandled { get; set; }

    /// <summary>Whether we control this circuit in dual seizure (Q.764 §2.9.1.4).</summary>
    public bool ControlsCircuit => Group.Controls(Cic);

    /// <summary>Free for an outgoing call: idle, not blocked either way, equipped at the far end.</summary>
    public bool IsOfferable => State == CircuitState.Idle && Blocking == CircuitBlocking.None && !FarEndUnequipped && Call is null;

    public CircuitStatus ToStatus() =>
        new(Cic, State, Blocking, FarEndUnequipped, Call is not null, BlockingRequest is not null || ResetRequest is not null);

    // ---- Firing, for the group.

    /// <summary>Fires <paramref name="trigger"/>; false when the state does not handle it.</summary>
    public bool Fire(CircuitTrigger trigger)
    {
        Unhandled = false;
        CircuitMachine.Machine.Fire(this, trigger);
        return !Unhandled;
    }

    /// <summary>Fires a trigger that carries a signal; false when the state does not handle it.</summary>
    public bool Fire(CircuitTrigger trigger, in IsupSignal signal)
    {
        Unhandled = false;
        CircuitMachine.Machine.Fire(this, CircuitMachine.WithSignal(trigger), in signal);
        return !Unhandled;
    }

    /// <summary>Releases the call because of unrecognised information (cause 97 or 99); false when there is no call.</summary>
    public bool FireUnrecognisedRelease(in IsupCause cause)
    {
        Unhandled = false;
        CircuitMachine.Machine.Fire(this, CircuitMachine.UnrecognisedRelease, in cause);
        return !Unhandled;
    }

    /// <summary>An outgoing call takes the circuit (the group fires <see cref="CircuitTrigger.SendIam"/> next).</summary>
    public void Seize(IsupCall call)
    {
        Call = call;
        call.Attach(this);
    }

    void IProcedureTimerTarget.OnTimer(IsupTimer timer)
    {
        CircuitTrigger trigger = timer switch
        {
            IsupTimer.T1 => CircuitTrigger.T1,
            IsupTimer.T5 => CircuitTrigger.T5,
            IsupTimer.T7 => CircuitTrigger.T7,
            IsupTimer.T9 => CircuitTrigger.T9,
            IsupTimer.T11 => CircuitTrigger.T11,
            IsupTimer.T33 => CircuitTrigger.T33,
            _ => CircuitTrigger.SuspendTimer, // T2, T6
        };
        Fire(trigger);
    }

    // ---- Actions of the machine: call set-up and the call.

    internal void SendInitialAddress(in IsupSignal iam)
    {
        BackwardMessageSeen = false;
        Group.EmitSignal(iam);
    }

    internal void SendSubsequentAddress(in IsupSignal sam)
    {
        Call!.SubsequentAddressSent = true;
        Group.EmitSignal(sam);
        StartCallTimer(IsupTimer.T7); // T7 runs from the latest address message
    }

    internal void StartCallTimer(IsupTimer timer) => (_callTimer ??= new ProcedureTimer(Group, this)).Start(timer);

    internal void StopCallTimer() => _callTimer?.Stop();

    internal void StopSetupTimers()
    {
        _callTimer?.Stop(IsupTimer.T11);
        _informationTimer?.Stop();
    }

    internal void Send(in IsupSignal signal) => Group.EmitSignal(signal);

    /// <summary>A backward message was sent (incoming call) and the call is past set-up.</summary>
    internal void SendBackward(in IsupSignal signal)
    {
        BackwardMessageSeen = true;
        Group.EmitSignal(signal);
    }

    /// <summary>A backward message arrived (outgoing call): no more dual seizure, and no more repeat attempt.</summary>
    internal void ReceiveBackward(IsupCallEventKind kind, in IsupSignal signal)
    {
        BackwardMessageSeen = true;
        if (Call is not null)
        {
            Call.InitialAddress = null;
        }

        PassUp(kind, signal);
    }

    internal void PassUp(IsupCallEventKind kind, in IsupSignal signal)
    {
        if (Call is not null)
        {
            Group.EmitCallEvent(Call, new IsupCallEvent(kind, signal.Message, networkInitiated: signal.NetworkInitiated));
        }
    }

    internal void OfferIncomingCall(in IsupSignal iam)
    {
        // Dual seizure lost (the machine only gets here from an outgoing call when the peer controls the circuit):
        // our call backs off without REL and is re-attempted elsewhere.
        EndCall(IsupCallEndReason.DualSeizure);
        var call = new IsupCall(Group, IsupCallDirection.Incoming, initialAddress: null);
        Seize(call);
        BackwardMessageSeen = false;
        Group.EmitCallEvent(call, new IsupCallEvent(IsupCallEventKind.IncomingCall, iam.Message));
    }

    internal void SendInformationRequest(in IsupSignal inr)
    {
        SendBackward(inr);
        (_informationTimer ??= new ProcedureTimer(Group, this)).Start(IsupTimer.T33);
    }

    internal void ReceiveInformation(in IsupSignal inf)
    {
        _informationTimer?.Stop();
        PassUp(IsupCallEventKind.Information, inf);
    }

    internal void AddressCompleteDue()
    {
        if (Call is not null)
        {
            Group.EmitCallEvent(Call, new IsupCallEvent(IsupCallEventKind.AddressCompleteDue));
        }
    }

    /// <summary>The timer the last SUS started: T6 when network initiated, T2 otherwise.</summary>
    internal IsupTimer SuspendTimer { get; private set; } = IsupTimer.T6;

    internal void Suspend(in IsupSignal sus)
    {
        SuspendTimer = sus.NetworkInitiated ? IsupTimer.T6 : IsupTimer.T2;
        StartCallTimer(SuspendTimer);
        PassUp(IsupCallEventKind.Suspended, sus);
    }

    internal void Resume(in IsupSignal res)
    {
        StopCallTimer();
        PassUp(IsupCallEventKind.Resumed, res);
    }

    // ---- Actions of the machine: release.

    /// <summary>Call control releases: its cause (and REL parameters) go in our REL; it hears nothing more of the call.</summary>
    internal void PrepareRelease(in IsupSignal rel)
    {
        _release = rel;
        if (Call is IsupCall call)
        {
            Call = null;
            call.End();
        }
    }

    /// <summary>A call timer expired: release with <paramref name="cause"/> and tell call control.</summary>
    internal void ReleaseOnTimer(IsupTimer timer, IsupCallEndReason reason, byte cause)
    {
        IsupCause full = Group.Cause(cause);
        Group.Report(new IsupMaintenanceEvent(
            timer == IsupTimer.T33 ? IsupMaintenanceEventKind.InformationOverdue : IsupMaintenanceEventKind.CallTimerExpired,
            Group.Dpc,
            Cic,
            timer: timer,
            cause: full,
            action: IsupMaintenanceAction.Release));
        ReleaseAndEndCall(reason, full);
    }

    /// <summary>Release with <paramref name="cause"/>; call control hears why (or the call moves, if it can).</summary>
    internal void ReleaseAndEndCall(IsupCallEndReason reason, in IsupCause cause)
    {
        _release = IsupSignal.Release(Cic, cause);
        EndCall(reason, cause);
    }

    internal void ReleaseUnexpectedReleaseComplete()
    {
        IsupCause cause = Group.Cause(IsupCauses.NormalUnspecified);
        Group.Report(new IsupMaintenanceEvent(
            IsupMaintenanceEventKind.UnexpectedMessage, Group.Dpc, Cic, messageType: IsupMessageType.RLC, cause: cause, action: IsupMaintenanceAction.Release));
        ReleaseAndEndCall(IsupCallEndReason.UnexpectedReleaseComplete, cause);
    }

    internal void SendRelease()
    {
        Group.EmitSignal(_release);
        (_releaseTimer ??= new ProcedureTimer(Group, this)).Start(IsupTimer.T1);
        (_releaseGuardTimer ??= new ProcedureTimer(Group, this)).Start(IsupTimer.T5);
    }

    internal void RepeatRelease()
    {
        Group.EmitSignal(_release);
        _releaseTimer!.Start(IsupTimer.T1);
    }

    internal void StopReleaseTimers()
    {
        _releaseTimer?.Stop();
        _releaseGuardTimer?.Stop();
        _release = default; // drop call control's REL parameters
    }

    internal void SendReleaseComplete() => Group.EmitSignal(IsupSignal.Of(IsupMessageType.RLC, Cic));

    /// <summary>The peer released: RLC at once (the circuit is reusable now), and call control hears the cause.</summary>
    internal void AnswerRelease(in IsupSignal rel)
    {
        SendReleaseComplete();
        if (Call is IsupCall call)
        {
            Call = null;
            call.End();
            Group.EmitCallEvent(call, new IsupCallEvent(IsupCallEventKind.Released, rel.Message, rel.Cause));
        }
    }

    /// <summary>
    /// The call leaves the circuit for <paramref name="reason"/>. An outgoing call that had no backward message yet
    /// and lost the circuit to something that is not its own fault (dual seizure, a reset, blocking, UCIC) is
    /// re-attempted on another circuit (Q.764 §2.9.1.4, §2.9.3.1, §2.8.2); any other end is reported as failed.
    /// </summary>
    internal void EndCall(IsupCallEndReason reason, IsupCause cause = default)
    {
        if (Call is not IsupCall call)
        {
            return;
        }

        Call = null;
        if (IsRepeatable(reason) && call.Direction == IsupCallDirection.Outgoing && !BackwardMessageSeen)
        {
            if (call.CanRepeat(Group.MaxRepeatAttempts))
            {
                call.Detach();
                Group.QueueRepeatAttempt(call, reason, Cic);
                return;
            }

            cause = Group.Cause(IsupCauses.NoCircuitAvailable);
        }

        if (!cause.IsPresent)
        {
            cause = Group.Cause(DefaultCause(reason));
        }

        call.End();
        Group.EmitCallEvent(call, new IsupCallEvent(IsupCallEventKind.Failed, cause: cause, reason: reason));
    }

    // ---- Actions of the machine: reset and idle.

    internal void BecomeIdle()
    {
        IdleSince = Group.Time.GetTimestamp();
        Group.BecameIdle(this);
        EndCall(IsupCallEndReason.None); // never reached with a call; a safety net against a stuck handle
    }

    internal void ReleaseCompleteOverdue() =>
        Group.Report(new IsupMaintenanceEvent(
            IsupMaintenanceEventKind.ReleaseCompleteOverdue, Group.Dpc, Cic, state: CircuitState.AwaitingRlc, timer: IsupTimer.T5, action: IsupMaintenanceAction.Reset));

    /// <summary>Sends RSC with its timers (only T17 after T5, Q.764 §2.9.3.1).</summary>
    internal void StartReset(bool afterT5)
    {
        ForgetPeerBlocking();
        CancelBlockingRequest();
        ResetRequest = new MaintenanceRequest(Group, MaintenanceRequestKind.Reset, IsupSignal.Of(IsupMessageType.RSC, Cic), this, withoutShortTimer: afterT5);
        ResetRequest.Start();
        Group.Report(new IsupMaintenanceEvent(IsupMaintenanceEventKind.ResetSent, Group.Dpc, Cic, messageType: IsupMessageType.RSC));
    }

    internal void StopReset() => ResetRequest?.Cancel();

    internal void EnterGroupReset()
    {
        ForgetPeerBlocking();
        CancelBlockingRequest();
    }

    internal void ReleaseComplete(CircuitState source)
    {
        if (source == CircuitState.ResetSent)
        {
            FarEndUnequipped = false;
            Group.Report(new IsupMaintenanceEvent(IsupMaintenanceEventKind.ResetCompleted, Group.Dpc, Cic, messageType: IsupMessageType.RSC));
            Group.Reblock(Cic, 1); // the peer forgot our blocking with the reset
        }
    }

    /// <summary>RSC received: RLC, the peer's blocking forgotten (it re-sends it), ours re-sent (Q.764 §2.9.3.1).</summary>
    internal void AnswerReset(bool reblock)
    {
        SendReleaseComplete();
        ForgetPeerBlocking();
        EndCall(IsupCallEndReason.CircuitReset);
        if (reblock)
        {
            Group.Reblock(Cic, 1);
        }
    }

    /// <summary>No BLO/UBL stays outstanding through a reset or an outage: the reset's end re-sends what blocking we hold.</summary>
    internal void CancelBlockingRequest() => BlockingRequest?.Cancel();

    private static bool IsRepeatable(IsupCallEndReason reason) => reason is IsupCallEndReason.DualSeizure
        or IsupCallEndReason.CircuitReset or IsupCallEndReason.CircuitBlocked or IsupCallEndReason.HardwareBlocked
        or IsupCallEndReason.UnequippedCircuit or IsupCallEndReason.UnexpectedMessage;

    private static byte DefaultCause(IsupCallEndReason reason) => reason switch
    {
        IsupCallEndReason.DualSeizure => IsupCauses.NoCircuitAvailable,
        IsupCallEndReason.UnexpectedMessage => IsupCauses.ProtocolError,
        _ => IsupCauses.TemporaryFailure,
    };

    private void ForgetPeerBlocking() => Blocking &= ~CircuitBlocking.Remote;
}
