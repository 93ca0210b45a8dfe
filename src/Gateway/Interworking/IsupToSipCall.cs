using Gateway.Fsm;
using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>
/// A call from the PSTN to a SIP trunk: the IAM becomes an INVITE, 18x become ACM then CPG, 200 becomes ANM (CON when
/// no ACM went first), failure responses and BYE become REL with the mapped cause, and a REL from the PSTN becomes
/// CANCEL or BYE with <c>Reason: Q.850</c>. The user agent ACKs every 2xx and ends crossing or forked ones itself.
/// </summary>
public sealed class IsupToSipCall : InterworkingCall<IsupToSipCall, IsupToSipState>
{
    public static readonly StateMachine<IsupToSipState, IsupToSipTrigger, IsupToSipCall> Machine;
    private static readonly TriggerWithParameter<IsupToSipTrigger, int> SipProgress;
    private static readonly TriggerWithParameter<IsupToSipTrigger, SipCallEnd> SipEnded;
    private static readonly TriggerWithParameter<IsupToSipTrigger, byte> IsupEnded;
    private static readonly TriggerWithParameter<IsupToSipTrigger, IsupMessage> Usr;
    private static readonly TriggerWithParameter<IsupToSipTrigger, byte> Abort_;

    private Func<IsupToSipCall, SipCall?>? _invite;
    static IsupToSipCall()
    {
        var b = new StateMachineBuilder<IsupToSipState, IsupToSipTrigger, IsupToSipCall>(IsupToSipState.Idle);
        SipProgress = b.SetTriggerParameter<int>(IsupToSipTrigger.SipProgress);
        SipEnded = b.SetTriggerParameter<SipCallEnd>(IsupToSipTrigger.SipEnded);
        IsupEnded = b.SetTriggerParameter<byte>(IsupToSipTrigger.IsupEnded);
        Usr = b.SetTriggerParameter<IsupMessage>(IsupToSipTrigger.Usr);
        Abort_ = b.SetTriggerParameter<byte>(IsupToSipTrigger.Abort);

        b.Configure(IsupToSipState.Idle)
            .Permit(IsupToSipTrigger.Start, IsupToSipState.InviteSent);

        b.Configure(IsupToSipState.InviteSent)
            .OnEntry(static (c, _) => c.Emit(new CallEffect(CallEffectKind.SendInvite)), "send INVITE")
            .Permit(IsupToSipTrigger.SipProgress, IsupToSipState.Early)
            .Permit(IsupToSipTrigger.AddressCompleteDue, IsupToSipState.Early)
            .Permit(IsupToSipTrigger.SipAnswered, IsupToSipState.Answered)
            .Permit(IsupToSipTrigger.SipEnded, IsupToSipState.Released)
            .Permit(IsupToSipTrigger.IsupEnded, IsupToSipState.Releasing)
            .Permit(IsupToSipTrigger.Abort, IsupToSipState.Releasing)
            .Ignore(IsupToSipTrigger.Usr);

        b.Configure(IsupToSipState.Early)
            .OnEntryFrom(SipProgress, static (c, in status, _) => c.SendAcm(status == 180 ? CalledPartyStatus.SubscriberFree : CalledPartyStatus.NoIndication),
                "send ACM (180: subscriber free)")
            .OnEntryFrom(IsupToSipTrigger.AddressCompleteDue, static (c, _) => c.SendAcm(CalledPartyStatus.NoIndication), "T11: send ACM")
            .InternalTransition(SipProgress, static (c, in status, _) => c.SendCpg(status), "send CPG (alerting or progress)")
            .Ignore(IsupToSipTrigger.AddressCompleteDue)
            .Permit(IsupToSipTrigger.SipAnswered, IsupToSipState.Answered)
            .Permit(IsupToSipTrigger.SipEnded, IsupToSipState.Released)
            .Permit(IsupToSipTrigger.IsupEnded, IsupToSipState.Releasing)
            .Permit(IsupToSipTrigger.Abort, IsupToSipState.Releasing)
            .Ignore(IsupToSipTrigger.Usr);

        b.Configure(IsupToSipState.Answered)
            .OnEntryFrom(IsupToSipTrigger.SipAnswered, static (c, t) => c.SendAnswer(t.Source == IsupToSipState.Early), "send ANM (CON without ACM)")
            .InternalTransition(Usr, static (c, in usr, _) => c.Relay(usr), "send INFO")
            .Ignore(IsupToSipTrigger.SipProgress)
            .Ignore(IsupToSipTrigger.SipAnswered)
            .Ignore(IsupToSipTrigger.AddressCompleteDue)
            .Permit(IsupToSipTrigger.SipEnded, IsupToSipState.Released)
            .Permit(IsupToSipTrigger.IsupEnded, IsupToSipState.Releasing)
            .Permit(IsupToSipTrigger.Abort, IsupToSipState.Releasing);

        b.Configure(IsupToSipState.Releasing)
            .OnEntryFrom(IsupEnded, static (c, in cause, t) => c.EndSip(cause, t.Source == IsupToSipState.Answered),
                "before answer: CANCEL with Reason; after: BYE with Reason")
            .OnEntryFrom(Abort_, static (c, in cause, t) => c.AbortBoth(cause, t.Source == IsupToSipState.Answered), "send REL, and CANCEL or BYE")
            .Permit(IsupToSipTrigger.SipEnded, IsupToSipState.Released)
            .Ignore(IsupToSipTrigger.SipProgress).Ignore(IsupToSipTrigger.SipAnswered).Ignore(IsupToSipTrigger.IsupEnded)
            .Ignore(IsupToSipTrigger.AddressCompleteDue).Ignore(IsupToSipTrigger.Usr).Ignore(IsupToSipTrigger.Abort);

        b.Configure(IsupToSipState.Released)
            .OnEntryFrom(SipEnded, static (c, in end, t) => c.ReleaseIsup(end, t.Source), "send REL (failure: cause by status; BYE: 16)")
            .OnEntry(static (c, _) => c.Services.Ended(c), "forget the call")
            .Ignore(IsupToSipTrigger.SipProgress).Ignore(IsupToSipTrigger.SipAnswered).Ignore(IsupToSipTrigger.SipEnded)
            .Ignore(IsupToSipTrigger.IsupEnded).Ignore(IsupToSipTrigger.AddressCompleteDue).Ignore(IsupToSipTrigger.Usr)
            .Ignore(IsupToSipTrigger.Abort);

        b.OnTransitioned(static (c, t) => c.LogEvent(CallWords.Of(t.Trigger), CallWords.Of(t.Destination)));
        Machine = b.Build();
    }

    /// <param name="invite">Sends the INVITE (outside the lock) and returns its call, or null when it could not be sent.</param>
    public IsupToSipCall(CallServices services, IsupCall isup, Func<IsupToSipCall, SipCall?> invite)
        : base(services)
    {
        Isup = isup;
        _invite = invite;
        State = Machine.InitialState;
    }

    public override string Direction => "isup-to-sip";

    public override string StateName => CallWords.Of(State);

    protected override bool IsAnswered(IsupToSipState state) => state == IsupToSipState.Answered;

    /// <summary>Called once the call is known (and the circuit's UserState points at it): sends the INVITE.</summary>
    public void Start() => Run(static (c, _) => Machine.Fire(c, IsupToSipTrigger.Start), 0);

    public override void Deliver(in CallEffect effect)
    {
        if (effect.Kind != CallEffectKind.SendInvite)
        {
            base.Deliver(in effect);
            return;
        }

        // Sent once; the closure holds the IAM, which a held call has no use for.
        SipCall? sip = Interlocked.Exchange(ref _invite, null)?.Invoke(this);
        if (sip is null)
        {
            // No way to the trunk (bad address, no SIP listener): release toward the PSTN as for a network failure.
            Run(static (c, end) => c.FireEnded(end), new SipCallEnd(SipCallEndKind.TransportFailed, 503, []));
        }
    }

    /// <summary>Set by the INVITE effect; the user agent may report on the call before Call returns, so listener methods set it too.</summary>
    internal void Invited(SipCall call) => Sip ??= call;

    public override void OnIsupEvent(IsupCall call, in IsupCallEvent callEvent)
    {
        switch (callEvent.Kind)
        {
            case IsupCallEventKind.AddressCompleteDue:
                Run(static (c, _) => Machine.Fire(c, IsupToSipTrigger.AddressCompleteDue), 0);
                break;
            case IsupCallEventKind.UserToUser when callEvent.Message is IsupMessage usr:
                Run(static (c, m) => Machine.Fire(c, Usr, m), usr);
                break;
            case IsupCallEventKind.Released or IsupCallEventKind.Failed:
                Run(static (c, end) =>
                {
                    if (c.State is not (IsupToSipState.Releasing or IsupToSipState.Released)) (c.LastCause, c.LastReason, c.LastRel) = (end.Cause, end.Reason, end.Rel);
                    Machine.Fire(c, IsupEnded, end.Cause);
                }, (Cause: callEvent.Cause.Value, Reason: ReasonOf(in callEvent), Rel: callEvent.Message as IsupMessage));
                break;
        }
    }

    public override void Abort(byte cause) => Run(static (c, v) =>
    {
        var self = c;
        if (self.State is not (IsupToSipState.Releasing or IsupToSipState.Released)) (self.LastCause, self.LastReason) = (v, "gateway");
        Machine.Fire(self, Abort_, v);
    }, cause);

    public override void Progress(SipCall call, SipMessage response)
    {
        Invited(call);
        Run(static (c, status) => Machine.Fire(c, SipProgress, status), response.StatusCode);
    }

    public override void Answered(SipCall call, SipMessage response)
    {
        Invited(call);
        Run(static (c, _) => Machine.Fire(c, IsupToSipTrigger.SipAnswered), 0);
    }

    public override void Confirmed(SipCall call, SipMessage ack)
    {
    }

    public override int InfoReceived(SipCall call, SipMessage info)
    {
        if (!Services.Mapping.TryUsrFromInfo(info, out IsupMessage usr, out int status)) return status;
        Run(static (c, message) =>
        {
            if (c.State is not IsupToSipState.Answered) return;
            c.Emit(new CallEffect(CallEffectKind.IsupSend, Message: message));
            c.LogEvent("info", CallWords.Of(c.State));
        }, usr);
        return 200;
    }

    public override void Ended(SipCall call, SipCallEnd end)
    {
        Invited(call);
        Run(static (c, e) => c.FireEnded(e), end);
    }

    private void FireEnded(SipCallEnd end)
    {
        // From Releasing the cause is the PSTN's, already logged; this line only says the SIP side is done.
        if (State is IsupToSipState.Releasing) (LastCause, LastReason) = (-1, ReasonOf(end));
        else if (State is not IsupToSipState.Released) (LastCause, LastReason) = (CauseOf(end), ReasonOf(end));
        Machine.Fire(this, SipEnded, end);
    }

    private void SendAcm(CalledPartyStatus status)
    {
        var acm = new IsupMessage(IsupMessageType.ACM).Add(new BackwardCallIndicators
        {
            CalledPartyStatus = status,
            CalledPartyCategory = CalledPartyCategory.OrdinarySubscriber,
            EndToEndMethod = EndToEndMethod.None,
            InterworkingEncountered = true, // RFC 3398 §8.2.2: the call met a non-ISUP network
        });
        Emit(new CallEffect(CallEffectKind.IsupSend, Message: acm));
    }

    // USR from the PSTN, on to the callee as INFO; logged because internal transitions have no observer.
    private void Relay(IsupMessage usr)
    {
        Emit(new CallEffect(CallEffectKind.SipInfo, Message: usr));
        LogEvent("usr", CallWords.Of(State));
    }

    private void SendCpg(int status)
    {
        LogEvent("sip-progress", CallWords.Of(State));
        var cpg = new IsupMessage(IsupMessageType.CPG)
            .Add(new EventInformation(status == 180 ? EventIndicator.Alerting : EventIndicator.Progress));
        Emit(new CallEffect(CallEffectKind.IsupSend, Message: cpg));
    }

    private void SendAnswer(bool afterAcm)
    {
        IsupMessage answer = afterAcm
            ? new IsupMessage(IsupMessageType.ANM)
            : new IsupMessage(IsupMessageType.CON).Add(new BackwardCallIndicators
            {
                CalledPartyStatus = CalledPartyStatus.NoIndication,
                CalledPartyCategory = CalledPartyCategory.OrdinarySubscriber,
                InterworkingEncountered = true,
            });
        Emit(new CallEffect(CallEffectKind.IsupSend, Message: answer));
    }

    private void EndSip(byte cause, bool answered) =>
        Emit(new CallEffect(answered ? CallEffectKind.SipHangup : CallEffectKind.SipCancel, Cause: cause, Message: answered ? LastRel : null));

    private void ReleaseIsup(SipCallEnd end, IsupToSipState source)
    {
        // From Releasing the PSTN already released (RLC sent by the procedures): nothing more on the circuit.
        if (source != IsupToSipState.Releasing) Emit(new CallEffect(CallEffectKind.IsupRelease, Cause: CauseOf(end), Message: RelFor(end)));
    }

    private byte CauseOf(SipCallEnd end) => end.Kind switch
    {
        SipCallEndKind.RemoteHangup => Services.Mapping.CauseForBye(end.Reasons),
        SipCallEndKind.Rejected or SipCallEndKind.TimedOut => Services.Mapping.CauseForStatus(end.StatusCode, end.Reasons),
        _ => 41,
    };

    private void AbortBoth(byte cause, bool answered)
    {
        Emit(new CallEffect(CallEffectKind.IsupRelease, Cause: cause));
        EndSip(cause, answered);
    }
}
