using Gateway.Fsm;
using Gateway.Isup;
using Gateway.Signalling;
using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>
/// A call from the SIP side to the PSTN: the caller's INVITE becomes an IAM on a circuit toward <see cref="Dpc"/>,
/// backward ISUP messages become 18x and 200, and whichever side ends first ends the other with the mapped cause.
/// </summary>
public sealed class SipToIsupCall : InterworkingCall<SipToIsupCall, SipToIsupState>
{
    public static readonly StateMachine<SipToIsupState, SipToIsupTrigger, SipToIsupCall> Machine;
    private static readonly TriggerWithParameter<SipToIsupTrigger, CallRefusal> CircuitRefused;
    private static readonly TriggerWithParameter<SipToIsupTrigger, IsupMessage> Acm;
    private static readonly TriggerWithParameter<SipToIsupTrigger, IsupMessage> Cpg;
    private static readonly TriggerWithParameter<SipToIsupTrigger, IsupMessage> Answer;
    private static readonly TriggerWithParameter<SipToIsupTrigger, IsupMessage> Usr;
    private static readonly TriggerWithParameter<SipToIsupTrigger, byte> IsupEnded;
    private static readonly TriggerWithParameter<SipToIsupTrigger, SipCallEnd> SipEnded;
    private static readonly TriggerWithParameter<SipToIsupTrigger, byte> Abort_;

    private IsupMessage? _iam;
    private readonly Func<SipToIsupCall, IsupMessage, CallRefusal?> _seize;

    static SipToIsupCall()
    {
        var b = new StateMachineBuilder<SipToIsupState, SipToIsupTrigger, SipToIsupCall>(SipToIsupState.Idle);
        CircuitRefused = b.SetTriggerParameter<CallRefusal>(SipToIsupTrigger.CircuitRefused);
        Acm = b.SetTriggerParameter<IsupMessage>(SipToIsupTrigger.Acm);
        Cpg = b.SetTriggerParameter<IsupMessage>(SipToIsupTrigger.Cpg);
        Answer = b.SetTriggerParameter<IsupMessage>(SipToIsupTrigger.Answer);
        Usr = b.SetTriggerParameter<IsupMessage>(SipToIsupTrigger.Usr);
        IsupEnded = b.SetTriggerParameter<byte>(SipToIsupTrigger.IsupEnded);
        SipEnded = b.SetTriggerParameter<SipCallEnd>(SipToIsupTrigger.SipEnded);
        Abort_ = b.SetTriggerParameter<byte>(SipToIsupTrigger.Abort);

        b.Configure(SipToIsupState.Idle)
            .Permit(SipToIsupTrigger.Start, SipToIsupState.IamSent);

        b.Configure(SipToIsupState.IamSent)
            .OnEntry(static (c, _) => c.SendIam(), "take a circuit, send IAM")
            .Permit(SipToIsupTrigger.Acm, SipToIsupState.AcmReceived)
            .InternalTransition(Cpg, static (c, in cpg, _) => c.Ring(cpg), "send 180/183")
            .Permit(SipToIsupTrigger.Answer, SipToIsupState.Answered)
            .Permit(SipToIsupTrigger.CircuitRefused, SipToIsupState.Released)
            .Permit(SipToIsupTrigger.IsupEnded, SipToIsupState.Released)
            .Permit(SipToIsupTrigger.SipEnded, SipToIsupState.Released)
            .Permit(SipToIsupTrigger.Abort, SipToIsupState.Released)
            .Ignore(SipToIsupTrigger.Usr);

        b.Configure(SipToIsupState.AcmReceived)
            .OnEntryFrom(Acm, static (c, in acm, _) => c.Ring(acm), "send 180/183")
            .InternalTransition(Cpg, static (c, in cpg, _) => c.Ring(cpg), "send 180/183")
            .Permit(SipToIsupTrigger.Answer, SipToIsupState.Answered)
            .Permit(SipToIsupTrigger.IsupEnded, SipToIsupState.Released)
            .Permit(SipToIsupTrigger.SipEnded, SipToIsupState.Released)
            .Permit(SipToIsupTrigger.Abort, SipToIsupState.Released)
            .Ignore(SipToIsupTrigger.Acm)
            .Ignore(SipToIsupTrigger.Usr);

        b.Configure(SipToIsupState.Answered)
            .OnEntry(static (c, _) => c.Emit(new CallEffect(CallEffectKind.SipAnswer)), "send 200 with SDP")
            .Ignore(SipToIsupTrigger.Confirmed)
            .InternalTransition(Usr, static (c, in usr, _) => c.Relay(usr), "send INFO")
            .Permit(SipToIsupTrigger.IsupEnded, SipToIsupState.Released)
            .Permit(SipToIsupTrigger.SipEnded, SipToIsupState.Released)
            .Permit(SipToIsupTrigger.Abort, SipToIsupState.Released)
            .Ignore(SipToIsupTrigger.Acm)
            .Ignore(SipToIsupTrigger.Cpg)
            .Ignore(SipToIsupTrigger.Answer);

        b.Configure(SipToIsupState.Released)
            .OnEntryFrom(CircuitRefused, static (c, in refusal, _) => c.Emit(new CallEffect(CallEffectKind.SipReject, refusal.SipStatus, refusal.Cause)),
                "send 503 with Reason")
            .OnEntryFrom(IsupEnded, static (c, in cause, t) => c.EndSip(cause, t.Source == SipToIsupState.Answered),
                "before answer: final response by cause, with Reason; after: BYE with Reason")
            .OnEntryFrom(SipEnded, static (c, in end, _) => c.ReleaseIsup(end), "send REL (CANCEL: cause from its Reason; BYE: 16)")
            .OnEntryFrom(Abort_, static (c, in cause, t) => c.AbortBoth(cause, t.Source == SipToIsupState.Answered), "send REL, and BYE or 503")
            .OnEntry(static (c, _) => c.Services.Ended(c), "forget the call")
            .Ignore(SipToIsupTrigger.Acm).Ignore(SipToIsupTrigger.Cpg).Ignore(SipToIsupTrigger.Answer).Ignore(SipToIsupTrigger.Usr)
            .Ignore(SipToIsupTrigger.IsupEnded).Ignore(SipToIsupTrigger.SipEnded).Ignore(SipToIsupTrigger.Confirmed)
            .Ignore(SipToIsupTrigger.CircuitRefused).Ignore(SipToIsupTrigger.Abort);

        b.OnTransitioned(static (c, t) => c.LogEvent(Word(t.Trigger), Word(t.Destination)));
        Machine = b.Build();
    }

    /// <param name="seize">Takes a circuit and sends the IAM (outside the lock), giving the call its circuit; or says why not.</param>
    public SipToIsupCall(CallServices services, SipCall sip, IsupMessage iam, int dpc, Func<SipToIsupCall, IsupMessage, CallRefusal?> seize)
        : base(services)
    {
        Sip = sip;
        _iam = iam;
        Dpc = dpc;
        _seize = seize;
        State = Machine.InitialState;
    }

    public int Dpc { get; }

    public override string Direction => "sip-to-isup";

    public override string StateName => Word(State);

    protected override bool IsAnswered(SipToIsupState state) => state == SipToIsupState.Answered;

    /// <summary>Called by the registry once the call is known: sends the IAM.</summary>
    public void Start() => Run(static (c, _) => Machine.Fire(c, SipToIsupTrigger.Start), 0);

    /// <summary>Sets the circuit when the procedures took one (the seize effect, or the first event if that came first).</summary>
    internal void Seized(IsupCall call) => Isup ??= call;

    public override void Deliver(in CallEffect effect)
    {
        if (effect.Kind != CallEffectKind.SeizeCircuit)
        {
            base.Deliver(in effect);
            return;
        }

        CallRefusal? refused = _seize(this, effect.Message!);
        if (refused is CallRefusal refusal)
        {
            Run(static (c, r) =>
            {
                var self = c;
                if (self.State != SipToIsupState.Released) (self.LastCause, self.LastReason) = (r.Cause, "no-circuit");
                Machine.Fire(self, CircuitRefused, r);
            }, refusal);
            return;
        }

        // The SIP side may have ended while the circuit was being taken: release it at once rather than leak it.
        bool orphan;
        lock (Gate) orphan = State == SipToIsupState.Released;
        if (orphan && Isup is { } isup) Services.Isup.Release(isup, new IsupCause((byte)(LastCause >= 0 ? LastCause : 16)));
    }

    public override void OnIsupEvent(IsupCall call, in IsupCallEvent callEvent)
    {
        Seized(call);
        switch (callEvent.Kind)
        {
            case IsupCallEventKind.AddressComplete:
                Run(static (c, m) => Machine.Fire(c, Acm, m), Message(in callEvent, IsupMessageType.ACM));
                break;
            case IsupCallEventKind.Progress:
                Run(static (c, m) => Machine.Fire(c, Cpg, m), Message(in callEvent, IsupMessageType.CPG));
                break;
            case IsupCallEventKind.Answered or IsupCallEventKind.Connected:
                Run(static (c, m) => Machine.Fire(c, Answer, m), Message(in callEvent, IsupMessageType.ANM));
                break;
            case IsupCallEventKind.UserToUser:
                Run(static (c, m) => Machine.Fire(c, Usr, m), Message(in callEvent, IsupMessageType.USR));
                break;
            case IsupCallEventKind.Released or IsupCallEventKind.Failed:
                Run(static (c, end) =>
                {
                    if (c.State != SipToIsupState.Released) (c.LastCause, c.LastReason, c.LastRel) = (end.Cause, end.Reason, end.Rel);
                    Machine.Fire(c, IsupEnded, end.Cause);
                }, (Cause: callEvent.Cause.Value, Reason: ReasonOf(in callEvent), Rel: callEvent.Message as IsupMessage));
                break;
        }
    }

    public override void Abort(byte cause) => Run(static (c, v) =>
    {
        var self = c;
        if (self.State != SipToIsupState.Released) (self.LastCause, self.LastReason) = (v, "gateway");
        Machine.Fire(self, Abort_, v);
    }, cause);

    public override void Progress(SipCall call, SipMessage response)
    {
    }

    public override void Answered(SipCall call, SipMessage response)
    {
    }

    public override void Confirmed(SipCall call, SipMessage ack) => Run(static (c, _) => Machine.Fire(c, SipToIsupTrigger.Confirmed), 0);

    public override int InfoReceived(SipCall call, SipMessage info)
    {
        if (!Services.Mapping.TryUsrFromInfo(info, out IsupMessage usr, out int status)) return status;

        // USR needs an answered circuit; before the answer the INFO is accepted and has nothing to carry it.
        Run(static (c, message) =>
        {
            if (c.State is not SipToIsupState.Answered) return;
            c.Emit(new CallEffect(CallEffectKind.IsupSend, Message: message));
            c.LogEvent("info", Word(c.State));
        }, usr);
        return 200;
    }

    public override void Ended(SipCall call, SipCallEnd end) => Run(static (c, e) =>
    {
        var self = c;
        if (self.State != SipToIsupState.Released) (self.LastCause, self.LastReason) = (self.CauseOf(e), ReasonOf(e));
        Machine.Fire(self, SipEnded, e);
    }, end);

    private void SendIam()
    {
        // The IAM goes once (repeat attempts are the ISUP layer's); a call held for hours need not keep it.
        Emit(new CallEffect(CallEffectKind.SeizeCircuit, Message: _iam));
        _iam = null;
    }

    private void Ring(IsupMessage backward)
    {
        if (State != SipToIsupState.Idle && backward.Type == IsupMessageType.CPG) LogEvent("cpg", Word(State));
        int status = Services.Mapping.ProgressStatusFor(backward);
        if (status > 0) Emit(new CallEffect(CallEffectKind.SipRing, status));
    }

    // USR from the PSTN, on to the caller as INFO; logged because internal transitions have no observer.
    private void Relay(IsupMessage usr)
    {
        Emit(new CallEffect(CallEffectKind.SipInfo, Message: usr));
        LogEvent("usr", Word(State));
    }

    private void EndSip(byte cause, bool answered) => Emit(answered
        ? new CallEffect(CallEffectKind.SipHangup, Cause: cause, Message: LastRel)
        : new CallEffect(CallEffectKind.SipReject, Services.Mapping.StatusForCause(cause), cause));

    private void ReleaseIsup(SipCallEnd end) => Emit(new CallEffect(CallEffectKind.IsupRelease, Cause: CauseOf(end), Message: RelFor(end)));

    private byte CauseOf(SipCallEnd end) => end.Kind switch
    {
        SipCallEndKind.Cancelled or SipCallEndKind.CancelUnanswered => Services.Mapping.CauseForCancel(end.Reasons),
        SipCallEndKind.RemoteHangup => Services.Mapping.CauseForBye(end.Reasons),
        // The caller vanished (no ACK, transport lost): RFC 3398 has no row for it; 41 (temporary failure) invites a retry.
        _ => 41,
    };

    private void AbortBoth(byte cause, bool answered)
    {
        Emit(new CallEffect(CallEffectKind.IsupRelease, Cause: cause));
        Emit(answered
            ? new CallEffect(CallEffectKind.SipHangup, Cause: cause)
            : new CallEffect(CallEffectKind.SipReject, 503, cause));
    }

    private static IsupMessage Message(in IsupCallEvent callEvent, IsupMessageType fallback) =>
        callEvent.Message as IsupMessage ?? new IsupMessage(fallback);

    /// <summary>The log word of a state or trigger: <c>IamSent</c> → <c>iam-sent</c>.</summary>
    public static string Word(SipToIsupState state) => CallWords.Of(state);

    private static string Word(SipToIsupTrigger trigger) => CallWords.Of(trigger);
}
