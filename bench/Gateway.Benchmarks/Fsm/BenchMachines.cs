using Gateway.Benchmarks.Fsm.Naive;
using Gateway.Fsm;

namespace Gateway.Benchmarks.Fsm;

/// <summary>
/// The same small call machine configured twice: once with Gateway.Fsm, once with the naive design.
/// Idle -Invite-> Alerting (substate of Setup); Setup -Cancel-> Idle; Alerting -Ring-> Ringing;
/// Ringing -Answer [answer allowed]-> Answered; Answered -Suspend [answer allowed]-> Ringing;
/// Ringing -AnswerWithInfo(BenchAnswer) [charged]-> Answered. Every state has an entry and an exit action.
/// </summary>
public static class BenchMachines
{
    public static (StateMachine<BenchState, BenchTrigger, BenchCall> Machine, TriggerWithParameter<BenchTrigger, BenchAnswer> AnswerWithInfo) BuildGatewayFsm()
    {
        var builder = new StateMachineBuilder<BenchState, BenchTrigger, BenchCall>(BenchState.Idle);
        var answerWithInfo = builder.SetTriggerParameter<BenchAnswer>(BenchTrigger.AnswerWithInfo);
        foreach (var state in Enum.GetValues<BenchState>())
        {
            builder.Configure(state)
                .OnEntry(static (call, _) => call.Entries++)
                .OnExit(static (call, _) => call.Exits++);
        }

        builder.Configure(BenchState.Idle).Permit(BenchTrigger.Invite, BenchState.Alerting);
        builder.Configure(BenchState.Setup).Permit(BenchTrigger.Cancel, BenchState.Idle);
        builder.Configure(BenchState.Alerting).SubstateOf(BenchState.Setup).Permit(BenchTrigger.Ring, BenchState.Ringing);
        builder.Configure(BenchState.Ringing)
            .PermitIf(BenchTrigger.Answer, BenchState.Answered, static call => call.AnswerAllowed, "answer allowed")
            .PermitIf(answerWithInfo, BenchState.Answered, static (_, in answer) => answer.Charged, "charged");
        builder.Configure(BenchState.Answered)
            .PermitIf(BenchTrigger.Suspend, BenchState.Ringing, static call => call.AnswerAllowed, "answer allowed")
            .OnEntryFrom(answerWithInfo, static (call, in answer, _) => call.Digits += answer.ConnectedNumberDigits);
        return (builder.Build(), answerWithInfo);
    }

    /// <summary>Per-instance configuration, as with Stateless: every call builds its own graph.</summary>
    public static NaiveStateMachine<BenchState, BenchTrigger> BuildNaive(BenchCall call)
    {
        var machine = new NaiveStateMachine<BenchState, BenchTrigger>(BenchState.Idle);
        foreach (var state in Enum.GetValues<BenchState>())
        {
            machine.OnEntry(state, _ => call.Entries++);
            machine.OnExit(state, _ => call.Exits++);
        }

        machine.Permit(BenchState.Idle, BenchTrigger.Invite, BenchState.Alerting);
        machine.Permit(BenchState.Setup, BenchTrigger.Cancel, BenchState.Idle);
        machine.SubstateOf(BenchState.Alerting, BenchState.Setup);
        machine.Permit(BenchState.Alerting, BenchTrigger.Ring, BenchState.Ringing);
        machine.Permit(BenchState.Ringing, BenchTrigger.Answer, BenchState.Answered, _ => call.AnswerAllowed);
        machine.Permit(BenchState.Ringing, BenchTrigger.AnswerWithInfo, BenchState.Answered, args => ((BenchAnswer)args[0]).Charged);
        machine.Permit(BenchState.Answered, BenchTrigger.Suspend, BenchState.Ringing, _ => call.AnswerAllowed);
        machine.OnEntry(BenchState.Answered, transition =>
        {
            if (transition.Trigger == BenchTrigger.AnswerWithInfo)
            {
                call.Digits += ((BenchAnswer)transition.Arguments[0]).ConnectedNumberDigits;
            }
        });
        return machine;
    }
}
