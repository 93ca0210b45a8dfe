namespace Gateway.Fsm.Tests.SampleCall;

/// <summary>
/// A realistic machine: a SIP INVITE turned into an ISUP call. <c>Setup</c> is the superstate of
/// <c>IamSent</c> and <c>AcmReceived</c> (T7 runs while in it); ANM carries a struct argument; a session
/// refresh re-enters <c>Answered</c>; CPG is relayed internally; retransmissions are ignored.
/// Every action records "entry X" / "exit X" so tests can assert the order.
/// </summary>
public sealed class SampleCallMachine
{
    private SampleCallMachine(StateMachine<CallState, CallTrigger, Call> machine, TriggerWithParameter<CallTrigger, AnswerInfo> answer)
    {
        Machine = machine;
        Answer = answer;
    }

    public StateMachine<CallState, CallTrigger, Call> Machine { get; }

    public TriggerWithParameter<CallTrigger, AnswerInfo> Answer { get; }

    public static SampleCallMachine Create(bool withUnhandledHandler = true, bool withObserver = false) =>
        Create(withUnhandledHandler, withObserver, static _ => { });

    /// <summary>Builds the sample machine; <paramref name="customize"/> may add to it before Build.</summary>
    public static SampleCallMachine Create(
        bool withUnhandledHandler,
        bool withObserver,
        Action<StateMachineBuilder<CallState, CallTrigger, Call>> customize)
    {
        var builder = new StateMachineBuilder<CallState, CallTrigger, Call>(CallState.Idle);
        var answer = builder.SetTriggerParameter<AnswerInfo>(CallTrigger.Anm);

        builder.Configure(CallState.Idle)
            .OnExit(static (call, _) => call.Record("exit Idle"), "seize circuit")
            .Permit(CallTrigger.Invite, CallState.IamSent);

        builder.Configure(CallState.Setup)
            .OnEntry(static (call, _) => call.Record("entry Setup"), "start T7")
            .OnExit(static (call, _) => call.Record("exit Setup"), "stop T7")
            .Permit(CallTrigger.Cancel, CallState.Releasing)
            .Permit(CallTrigger.T7Expiry, CallState.Releasing);

        builder.Configure(CallState.IamSent)
            .SubstateOf(CallState.Setup)
            .OnEntry(static (call, _) => call.Record("entry IamSent"), "send IAM")
            .OnExit(static (call, _) => call.Record("exit IamSent"))
            .Permit(CallTrigger.Acm, CallState.AcmReceived)
            .PermitIf(CallTrigger.Anm, CallState.Answered, static call => call.FastAnswerAllowed, "fast answer allowed");

        builder.Configure(CallState.AcmReceived)
            .SubstateOf(CallState.Setup)
            .OnEntry(static (call, _) => call.Record("entry AcmReceived"), "send 180 Ringing")
            .OnExit(static (call, _) => call.Record("exit AcmReceived"))
            .InternalTransition(CallTrigger.Cpg, static (call, _) => call.Record("internal Cpg"), "send 183 Session Progress")
            .PermitIf(
                answer,
                CallState.Answered,
                static (call, in info) => info.Charged || call.FreeCallsAllowed,
                "charged or free calls allowed")
            .PermitIf(
                answer,
                CallState.Releasing,
                static (call, in info) => !info.Charged && !call.FreeCallsAllowed,
                "free call refused");

        builder.Configure(CallState.Answered)
            .OnEntryFrom(
                answer,
                static (call, in info, _) =>
                {
                    call.LastAnswer = info;
                    call.Record("entry Answered from Anm");
                },
                "send 200 OK")
            .OnEntry(static (call, _) => call.Record("entry Answered"), "start session timer")
            .OnExit(static (call, _) => call.Record("exit Answered"), "stop session timer")
            .PermitReentry(CallTrigger.SessionRefresh)
            .Permit(CallTrigger.Bye, CallState.Releasing)
            .Ignore(CallTrigger.Cpg);

        builder.Configure(CallState.Releasing)
            .OnEntry(static (call, _) => call.Record("entry Releasing"), "send REL")
            .OnExit(static (call, _) => call.Record("exit Releasing"))
            .Permit(CallTrigger.Rlc, CallState.Released)
            .Ignore(CallTrigger.Bye);

        builder.Configure(CallState.Released)
            .OnEntry(static (call, _) => call.Record("entry Released"), "free circuit");

        if (withUnhandledHandler)
        {
            builder.OnUnhandledTrigger(static (call, state, trigger, unmet) => call.RecordUnhandled(state, trigger, unmet));
        }

        if (withObserver)
        {
            builder.OnTransitioned(static (call, transition) => call.RecordTransition(transition));
        }

        customize(builder);
        return new SampleCallMachine(builder.Build(), answer);
    }
}
