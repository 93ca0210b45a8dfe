using Gateway.Fsm;

namespace Gateway.Isup;

/// <summary>
/// The per-CIC state machine (Q.764 §2.1–§2.3, §2.9.1, §2.9.3, §2.9.5), shared by every circuit: call set-up in both
/// directions, dual seizure, release with T1/T5, reset with RSC and GRS, and the abnormal cases. Blocking is not in it
/// (<see cref="CircuitBlocking"/> runs beside it). Actions only record effects; nothing here does I/O.
/// </summary>
internal static class CircuitMachine
{
    private static readonly TriggerWithParameter<CircuitTrigger, IsupSignal>?[] SignalTriggers =
        new TriggerWithParameter<CircuitTrigger, IsupSignal>?[Enum.GetValues<CircuitTrigger>().Length];

    static CircuitMachine()
    {
        var builder = new StateMachineBuilder<CircuitState, CircuitTrigger, Circuit>(CircuitState.Unavailable);
        foreach (CircuitTrigger trigger in (ReadOnlySpan<CircuitTrigger>)
        [
            CircuitTrigger.IamReceived, CircuitTrigger.SamReceived, CircuitTrigger.InrReceived, CircuitTrigger.InfReceived,
            CircuitTrigger.AcmReceived, CircuitTrigger.CpgReceived, CircuitTrigger.AnmReceived, CircuitTrigger.ConReceived,
            CircuitTrigger.UsrReceived, CircuitTrigger.FacReceived, CircuitTrigger.SusReceived, CircuitTrigger.ResReceived,
            CircuitTrigger.RelReceived, CircuitTrigger.SendIam, CircuitTrigger.SendSam, CircuitTrigger.SendInr, CircuitTrigger.SendInf,
            CircuitTrigger.SendAcm, CircuitTrigger.SendCpg, CircuitTrigger.SendAnm, CircuitTrigger.SendCon, CircuitTrigger.SendUsr,
            CircuitTrigger.SendFac, CircuitTrigger.Release,
        ])
        {
            SignalTriggers[(int)trigger] = builder.SetTriggerParameter<IsupSignal>(trigger);
        }

        UnrecognisedRelease = builder.SetTriggerParameter<IsupCause>(CircuitTrigger.UnrecognisedRelease);
        Configure(builder);
        builder.OnUnhandledTrigger(static (circuit, _, _, _) => circuit.Unhandled = true);
        Machine = builder.Build();
    }

    /// <summary>The machine every circuit shares.</summary>
    public static StateMachine<CircuitState, CircuitTrigger, Circuit> Machine { get; }

    /// <summary>Release because of an unrecognised message or parameter (the cause: 97 or 99 with its diagnostic).</summary>
    public static TriggerWithParameter<CircuitTrigger, IsupCause> UnrecognisedRelease { get; }

    /// <summary>The typed form of a trigger that carries a signal.</summary>
    public static TriggerWithParameter<CircuitTrigger, IsupSignal> WithSignal(CircuitTrigger trigger) =>
        SignalTriggers[(int)trigger] ?? throw new ArgumentException($"{trigger} carries no signal.", nameof(trigger));

    private static void Configure(StateMachineBuilder<CircuitState, CircuitTrigger, Circuit> builder)
    {
        var iamReceived = WithSignal(CircuitTrigger.IamReceived);
        var samReceived = WithSignal(CircuitTrigger.SamReceived);
        var inrReceived = WithSignal(CircuitTrigger.InrReceived);
        var infReceived = WithSignal(CircuitTrigger.InfReceived);
        var acmReceived = WithSignal(CircuitTrigger.AcmReceived);
        var cpgReceived = WithSignal(CircuitTrigger.CpgReceived);
        var anmReceived = WithSignal(CircuitTrigger.AnmReceived);
        var conReceived = WithSignal(CircuitTrigger.ConReceived);
        var usrReceived = WithSignal(CircuitTrigger.UsrReceived);
        var facReceived = WithSignal(CircuitTrigger.FacReceived);
        var susReceived = WithSignal(CircuitTrigger.SusReceived);
        var resReceived = WithSignal(CircuitTrigger.ResReceived);
        var relReceived = WithSignal(CircuitTrigger.RelReceived);
        var sendIam = WithSignal(CircuitTrigger.SendIam);
        var sendSam = WithSignal(CircuitTrigger.SendSam);
        var sendInr = WithSignal(CircuitTrigger.SendInr);
        var sendInf = WithSignal(CircuitTrigger.SendInf);
        var sendAcm = WithSignal(CircuitTrigger.SendAcm);
        var sendCpg = WithSignal(CircuitTrigger.SendCpg);
        var sendAnm = WithSignal(CircuitTrigger.SendAnm);
        var sendCon = WithSignal(CircuitTrigger.SendCon);
        var sendUsr = WithSignal(CircuitTrigger.SendUsr);
        var sendFac = WithSignal(CircuitTrigger.SendFac);
        var release = WithSignal(CircuitTrigger.Release);

        builder.Configure(CircuitState.Unavailable)
            .OnEntryFrom(CircuitTrigger.RouteUnavailable, static (c, _) => c.EndCall(IsupCallEndReason.RouteUnavailable), "call fails: route lost")
            .OnEntry(static (c, _) => c.CancelBlockingRequest(), "cancel BLO/UBL (re-sent after the reset)")
            .Permit(CircuitTrigger.Reset, CircuitState.ResetSent)
            .Permit(CircuitTrigger.GroupResetSent, CircuitState.GroupResetSent)
            .Ignore(CircuitTrigger.RouteUnavailable)
            .Ignore(CircuitTrigger.Unexpected);

        builder.Configure(CircuitState.Idle)
            .OnEntryFrom(relReceived, static (c, in rel, _) => c.AnswerRelease(in rel), "send RLC, call control: released")
            .OnEntryFrom(CircuitTrigger.RscReceived, static (c, _) => c.AnswerReset(reblock: true), "send RLC, re-send our blocking; call fails or is re-attempted")
            .OnEntryFrom(CircuitTrigger.RlcReceived, static (c, t) => c.ReleaseComplete(t.Source), "after RSC: reset complete, re-send our blocking")
            .OnEntryFrom(CircuitTrigger.GroupResetReceived, static (c, _) => c.EndCall(IsupCallEndReason.CircuitReset), "call fails or is re-attempted")
            .OnEntryFrom(CircuitTrigger.HardwareBlocked, static (c, _) => c.EndCall(IsupCallEndReason.HardwareBlocked), "no REL: call fails or is re-attempted")
            .OnEntryFrom(CircuitTrigger.UcicReceived, static (c, _) => c.EndCall(IsupCallEndReason.UnequippedCircuit), "call fails or is re-attempted")
            .OnEntry(static (c, _) => c.BecomeIdle(), "note the time (least recently used)")
            .Permit(CircuitTrigger.SendIam, CircuitState.OutgoingAwaitingAcm)
            .Permit(CircuitTrigger.IamReceived, CircuitState.IncomingSetup)
            .InternalTransition(relReceived, static (c, in _, _) => c.SendReleaseComplete(), "send RLC")
            .Ignore(CircuitTrigger.RlcReceived)
            .InternalTransition(CircuitTrigger.RscReceived, static (c, _) => c.AnswerReset(reblock: true), "send RLC, re-send our blocking")
            .Permit(CircuitTrigger.Reset, CircuitState.ResetSent)
            .Permit(CircuitTrigger.GroupResetSent, CircuitState.GroupResetSent)
            .Ignore(CircuitTrigger.GroupResetReceived)
            .Ignore(CircuitTrigger.HardwareBlocked)
            .Ignore(CircuitTrigger.UcicReceived)
            .Permit(CircuitTrigger.Unexpected, CircuitState.ResetSent)
            // An IAM whose unrecognised parameter says "release call" (Q.764 §2.9.5.3): it seized the circuit, so REL 99.
            .Permit(CircuitTrigger.UnrecognisedRelease, CircuitState.AwaitingRlc)
            .Permit(CircuitTrigger.RouteUnavailable, CircuitState.Unavailable);

        builder.Configure(CircuitState.Busy)
            .InternalTransition(sendUsr, static (c, in usr, _) => c.Send(in usr), "send USR")
            .InternalTransition(usrReceived, static (c, in usr, _) => c.PassUp(IsupCallEventKind.UserToUser, in usr), "call control: USR")
            .InternalTransition(sendFac, static (c, in fac, _) => c.Send(in fac), "send FAC")
            .InternalTransition(facReceived, static (c, in fac, _) => c.PassUp(IsupCallEventKind.Facility, in fac), "call control: FAC")
            .Permit(CircuitTrigger.RelReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.Release, CircuitState.AwaitingRlc)
            .Permit(CircuitTrigger.RlcReceived, CircuitState.AwaitingRlc)
            .Permit(CircuitTrigger.UnrecognisedRelease, CircuitState.AwaitingRlc)
            .Permit(CircuitTrigger.RscReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.GroupResetReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.HardwareBlocked, CircuitState.Idle)
            .Permit(CircuitTrigger.UcicReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.Reset, CircuitState.ResetSent)
            .Permit(CircuitTrigger.GroupResetSent, CircuitState.GroupResetSent)
            .Permit(CircuitTrigger.RouteUnavailable, CircuitState.Unavailable)
            .PermitIf(CircuitTrigger.Unexpected, CircuitState.ResetSent, static c => !c.BackwardMessageSeen, "no backward message yet")
            .IgnoreIf(CircuitTrigger.Unexpected, static c => c.BackwardMessageSeen, "after a backward message")
            .Ignore(CircuitTrigger.BlockedDuringSetup);

        builder.Configure(CircuitState.Outgoing)
            .SubstateOf(CircuitState.Busy)
            .InternalTransition(inrReceived, static (c, in inr, _) => c.ReceiveBackward(IsupCallEventKind.InformationRequest, in inr), "call control: INR")
            .InternalTransition(sendInf, static (c, in inf, _) => c.Send(in inf), "send INF");

        builder.Configure(CircuitState.OutgoingAwaitingAcm)
            .SubstateOf(CircuitState.Outgoing)
            .OnEntryFrom(sendIam, static (c, in iam, _) => c.SendInitialAddress(in iam), "send IAM")
            .OnEntry(static (c, _) => c.StartCallTimer(IsupTimer.T7), "start T7")
            .OnExit(static (c, _) => c.StopCallTimer(), "stop T7")
            .InternalTransition(sendSam, static (c, in sam, _) => c.SendSubsequentAddress(in sam), "send SAM, restart T7")
            .Permit(CircuitTrigger.AcmReceived, CircuitState.OutgoingAwaitingAnswer)
            .Permit(CircuitTrigger.ConReceived, CircuitState.OutgoingAnswered)
            .Permit(CircuitTrigger.AnmReceived, CircuitState.OutgoingAnswered)
            .PermitIf(CircuitTrigger.IamReceived, CircuitState.IncomingSetup, static c => !c.BackwardMessageSeen && !c.ControlsCircuit, "dual seizure, the peer controls the CIC")
            .IgnoreIf(CircuitTrigger.IamReceived, static c => !c.BackwardMessageSeen && c.ControlsCircuit, "dual seizure, we control the CIC")
            .PermitIf(CircuitTrigger.BlockedDuringSetup, CircuitState.AwaitingRlc, static c => !c.BackwardMessageSeen, "no backward message yet")
            .Permit(CircuitTrigger.T7, CircuitState.AwaitingRlc);

        builder.Configure(CircuitState.OutgoingAwaitingAnswer)
            .SubstateOf(CircuitState.Outgoing)
            .OnEntryFrom(acmReceived, static (c, in acm, _) => c.ReceiveBackward(IsupCallEventKind.AddressComplete, in acm), "call control: ACM")
            .OnEntry(static (c, _) => c.StartCallTimer(IsupTimer.T9), "start T9")
            .OnExit(static (c, _) => c.StopCallTimer(), "stop T9")
            .InternalTransition(cpgReceived, static (c, in cpg, _) => c.PassUp(IsupCallEventKind.Progress, in cpg), "call control: CPG")
            .Permit(CircuitTrigger.AnmReceived, CircuitState.OutgoingAnswered)
            .Permit(CircuitTrigger.T9, CircuitState.AwaitingRlc);

        builder.Configure(CircuitState.OutgoingAnswered)
            .SubstateOf(CircuitState.Outgoing)
            .OnEntryFrom(anmReceived, static (c, in anm, _) => c.ReceiveBackward(IsupCallEventKind.Answered, in anm), "call control: ANM")
            .OnEntryFrom(conReceived, static (c, in con, _) => c.ReceiveBackward(IsupCallEventKind.Connected, in con), "call control: CON")
            .OnExit(static (c, _) => c.StopCallTimer(), "stop T2/T6")
            .InternalTransition(cpgReceived, static (c, in cpg, _) => c.PassUp(IsupCallEventKind.Progress, in cpg), "call control: CPG")
            .InternalTransition(susReceived, static (c, in sus, _) => c.Suspend(in sus), "start T6 (network) or T2, call control: SUS")
            .InternalTransition(resReceived, static (c, in res, _) => c.Resume(in res), "stop T2/T6, call control: RES")
            .Permit(CircuitTrigger.SuspendTimer, CircuitState.AwaitingRlc);

        builder.Configure(CircuitState.Incoming)
            .SubstateOf(CircuitState.Busy);

        builder.Configure(CircuitState.IncomingSetup)
            .SubstateOf(CircuitState.Incoming)
            .OnEntryFrom(iamReceived, static (c, in iam, _) => c.OfferIncomingCall(in iam), "back off our call on dual seizure; call control: IAM")
            .OnEntry(static (c, _) => c.StartCallTimer(IsupTimer.T11), "start T11")
            .OnExit(static (c, _) => c.StopSetupTimers(), "stop T11 and T33")
            .InternalTransition(samReceived, static (c, in sam, _) => c.PassUp(IsupCallEventKind.SubsequentAddress, in sam), "call control: SAM")
            .InternalTransition(sendInr, static (c, in inr, _) => c.SendInformationRequest(in inr), "send INR, start T33")
            .InternalTransition(infReceived, static (c, in inf, _) => c.ReceiveInformation(in inf), "stop T33, call control: INF")
            .InternalTransition(CircuitTrigger.T11, static (c, _) => c.AddressCompleteDue(), "call control: send ACM now")
            .Permit(CircuitTrigger.SendAcm, CircuitState.IncomingAlerting)
            .Permit(CircuitTrigger.SendCon, CircuitState.IncomingAnswered)
            .Permit(CircuitTrigger.T33, CircuitState.AwaitingRlc);

        builder.Configure(CircuitState.IncomingAlerting)
            .SubstateOf(CircuitState.Incoming)
            .OnEntryFrom(sendAcm, static (c, in acm, _) => c.SendBackward(in acm), "send ACM")
            .InternalTransition(sendCpg, static (c, in cpg, _) => c.Send(in cpg), "send CPG")
            .InternalTransition(cpgReceived, static (c, in cpg, _) => c.PassUp(IsupCallEventKind.Progress, in cpg), "call control: CPG")
            .Permit(CircuitTrigger.SendAnm, CircuitState.IncomingAnswered);

        builder.Configure(CircuitState.IncomingAnswered)
            .SubstateOf(CircuitState.Incoming)
            .OnEntryFrom(sendAnm, static (c, in anm, _) => c.SendBackward(in anm), "send ANM")
            .OnEntryFrom(sendCon, static (c, in con, _) => c.SendBackward(in con), "send CON")
            .OnExit(static (c, _) => c.StopCallTimer(), "stop T2/T6")
            .InternalTransition(sendCpg, static (c, in cpg, _) => c.Send(in cpg), "send CPG")
            .InternalTransition(cpgReceived, static (c, in cpg, _) => c.PassUp(IsupCallEventKind.Progress, in cpg), "call control: CPG")
            .InternalTransition(susReceived, static (c, in sus, _) => c.Suspend(in sus), "start T6 (network) or T2, call control: SUS")
            .InternalTransition(resReceived, static (c, in res, _) => c.Resume(in res), "stop T2/T6, call control: RES")
            .Permit(CircuitTrigger.SuspendTimer, CircuitState.AwaitingRlc);

        builder.Configure(CircuitState.AwaitingRlc)
            .OnEntryFrom(release, static (c, in rel, _) => c.PrepareRelease(in rel), "REL with call control's cause")
            .OnEntryFrom(CircuitTrigger.T7, static (c, _) => c.ReleaseOnTimer(IsupTimer.T7, IsupCallEndReason.AddressCompleteTimeout, IsupCauses.RecoveryOnTimerExpiry), "cause 102, call fails")
            .OnEntryFrom(CircuitTrigger.T9, static (c, _) => c.ReleaseOnTimer(IsupTimer.T9, IsupCallEndReason.AnswerTimeout, IsupCauses.NoAnswerFromUser), "cause 19, call fails")
            .OnEntryFrom(CircuitTrigger.T33, static (c, _) => c.ReleaseOnTimer(IsupTimer.T33, IsupCallEndReason.InformationTimeout, IsupCauses.RecoveryOnTimerExpiry), "alert maintenance, cause 102, call fails")
            .OnEntryFrom(CircuitTrigger.SuspendTimer, static (c, _) => c.ReleaseOnTimer(c.SuspendTimer, IsupCallEndReason.SuspendTimeout, IsupCauses.RecoveryOnTimerExpiry), "cause 102, call fails")
            .OnEntryFrom(CircuitTrigger.RlcReceived, static (c, _) => c.ReleaseUnexpectedReleaseComplete(), "cause 31, call fails")
            .OnEntryFrom(CircuitTrigger.BlockedDuringSetup, static (c, _) => c.ReleaseAndEndCall(IsupCallEndReason.CircuitBlocked, c.Group.Cause(IsupCauses.TemporaryFailure)), "cause 41, call re-attempted")
            .OnEntryFrom(UnrecognisedRelease, static (c, in cause, _) => c.ReleaseAndEndCall(IsupCallEndReason.UnrecognisedInformation, cause), "cause 97 or 99, call fails")
            .OnEntry(static (c, _) => c.SendRelease(), "send REL, start T1 and T5")
            .OnExit(static (c, _) => c.StopReleaseTimers(), "stop T1 and T5")
            .InternalTransition(CircuitTrigger.T1, static (c, _) => c.RepeatRelease(), "send REL again, restart T1")
            .InternalTransition(relReceived, static (c, in _, _) => c.SendReleaseComplete(), "REL collision: send RLC, keep waiting")
            .Permit(CircuitTrigger.RlcReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.T5, CircuitState.ResetSent)
            .Permit(CircuitTrigger.RscReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.GroupResetReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.HardwareBlocked, CircuitState.Idle)
            .Permit(CircuitTrigger.UcicReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.Reset, CircuitState.ResetSent)
            .Permit(CircuitTrigger.GroupResetSent, CircuitState.GroupResetSent)
            .Permit(CircuitTrigger.RouteUnavailable, CircuitState.Unavailable)
            .Ignore(CircuitTrigger.Unexpected);

        builder.Configure(CircuitState.Resetting)
            .InternalTransition(relReceived, static (c, in _, _) => c.SendReleaseComplete(), "send RLC")
            .InternalTransition(CircuitTrigger.RscReceived, static (c, _) => c.AnswerReset(reblock: false), "send RLC, keep waiting for ours")
            .Ignore(CircuitTrigger.Reset)
            .Ignore(CircuitTrigger.GroupResetReceived)
            .Ignore(CircuitTrigger.HardwareBlocked)
            .Ignore(CircuitTrigger.Unexpected)
            .Permit(CircuitTrigger.UcicReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.RouteUnavailable, CircuitState.Unavailable);

        builder.Configure(CircuitState.ResetSent)
            .SubstateOf(CircuitState.Resetting)
            .OnEntryFrom(CircuitTrigger.T5, static (c, _) => c.ReleaseCompleteOverdue(), "alert maintenance")
            .OnEntryFrom(CircuitTrigger.Reset, static (c, _) => c.EndCall(IsupCallEndReason.CircuitReset), "call fails or is re-attempted")
            .OnEntryFrom(CircuitTrigger.Unexpected, static (c, _) => c.EndCall(IsupCallEndReason.UnexpectedMessage), "call fails or is re-attempted")
            .OnEntry(static (c, t) => c.StartReset(afterT5: t.Trigger == CircuitTrigger.T5), "send RSC, start T16 and T17 (only T17 after T5)")
            .OnExit(static (c, _) => c.StopReset(), "end the RSC procedure")
            .Permit(CircuitTrigger.RlcReceived, CircuitState.Idle)
            .Permit(CircuitTrigger.GroupResetSent, CircuitState.GroupResetSent);

        builder.Configure(CircuitState.GroupResetSent)
            .SubstateOf(CircuitState.Resetting)
            .OnEntryFrom(CircuitTrigger.GroupResetSent, static (c, _) => c.EndCall(IsupCallEndReason.CircuitReset), "call fails or is re-attempted")
            .OnEntry(static (c, _) => c.EnterGroupReset(), "forget the peer's blocking (GRA reports it)")
            .Permit(CircuitTrigger.GroupResetAcknowledged, CircuitState.Idle)
            .Ignore(CircuitTrigger.GroupResetSent);
    }
}
