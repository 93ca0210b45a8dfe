using FsCheck;
using FsCheck.Fluent;
using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

/// <summary>
/// Property: whatever sequence of triggers a call receives, every state has been entered exactly once
/// more than it has been exited while the call is in it (or in one of its substates), and as often as
/// exited otherwise. This is the hierarchy's entry/exit contract stated for all paths at once.
/// </summary>
public sealed class HierarchyPropertyTests
{
    private static readonly CallTrigger[] Triggers = Enum.GetValues<CallTrigger>();

    [Fact]
    public void Entries_and_exits_balance_with_IsInState_for_any_trigger_sequence()
    {
        var sample = SampleCallMachine.Create();
        var steps = Gen.ArrayOf(Gen.Zip(Gen.Choose(0, Triggers.Length - 1), Gen.Elements(true, false)));

        Check.QuickThrowOnFailure(Prop.ForAll(steps.ToArbitrary(), ((int Trigger, bool Charged)[] sequence) =>
        {
            var call = new Call { FreeCallsAllowed = false, FastAnswerAllowed = true };
            foreach (var (triggerIndex, charged) in sequence)
            {
                var trigger = Triggers[triggerIndex];
                if (trigger == CallTrigger.Anm)
                {
                    sample.Machine.Fire(call, sample.Answer, new AnswerInfo(charged, 7));
                }
                else
                {
                    sample.Machine.Fire(call, trigger);
                }
            }

            return Balanced(sample.Machine, call);
        }));
    }

    private static bool Balanced(StateMachine<CallState, CallTrigger, Call> machine, Call call)
    {
        foreach (var state in Enum.GetValues<CallState>())
        {
            // The call starts in Idle without running its entry action, so Idle starts "entered".
            int entries = Count(call.Log, "entry " + state) + (state == CallState.Idle ? 1 : 0);
            int exits = Count(call.Log, "exit " + state);

            // Idle, Released and Answered-from-Anm lines are matched exactly, not by prefix.
            int open = entries - exits;
            if (open != (machine.IsInState(call, state) ? 1 : 0))
            {
                return false;
            }
        }

        return true;
    }

    private static int Count(List<string> log, string entry)
    {
        int count = 0;
        foreach (var line in log)
        {
            if (line == entry)
            {
                count++;
            }
        }

        return count;
    }
}
