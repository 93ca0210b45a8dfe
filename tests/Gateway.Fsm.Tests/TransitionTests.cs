using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class TransitionTests
{
    private readonly SampleCallMachine _sample = SampleCallMachine.Create();

    [Fact]
    public void Permit_moves_the_context_to_the_destination()
    {
        var call = new Call();

        _sample.Machine.Fire(call, CallTrigger.Invite);

        Assert.Equal(CallState.IamSent, call.State);
    }

    [Fact]
    public void Exit_actions_run_before_entry_actions()
    {
        var call = new Call { State = CallState.Answered };

        _sample.Machine.Fire(call, CallTrigger.Bye);

        Assert.Equal(["exit Answered", "entry Releasing"], call.Log);
        Assert.Equal(CallState.Releasing, call.State);
    }

    [Fact]
    public void A_whole_call_runs_from_invite_to_released()
    {
        var call = new Call { FreeCallsAllowed = true };
        var machine = _sample.Machine;

        machine.Fire(call, CallTrigger.Invite);
        machine.Fire(call, CallTrigger.Acm);
        machine.Fire(call, CallTrigger.Cpg);
        machine.Fire(call, _sample.Answer, new AnswerInfo(Charged: true, ConnectedNumberDigits: 10));
        machine.Fire(call, CallTrigger.SessionRefresh);
        machine.Fire(call, CallTrigger.Bye);
        machine.Fire(call, CallTrigger.Rlc);

        Assert.Equal(CallState.Released, call.State);
        Assert.Equal(0, call.UnhandledCount);
    }

    [Fact]
    public void One_machine_drives_many_calls_independently()
    {
        var first = new Call();
        var second = new Call();

        _sample.Machine.Fire(first, CallTrigger.Invite);

        Assert.Equal(CallState.IamSent, first.State);
        Assert.Equal(CallState.Idle, second.State);
    }

    [Fact]
    public void Entry_actions_see_the_destination_already_stored_in_the_context()
    {
        CallState seen = default;
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Released).OnEntry((call, _) => seen = call.State));
        var call = new Call { State = CallState.Releasing };

        sample.Machine.Fire(call, CallTrigger.Rlc);

        Assert.Equal(CallState.Released, seen);
    }

    [Fact]
    public void Actions_receive_the_transition_description()
    {
        var transitions = new List<Transition<CallState, CallTrigger>>();
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Released).OnEntry((_, transition) => transitions.Add(transition)));
        var call = new Call { State = CallState.Releasing };

        sample.Machine.Fire(call, CallTrigger.Rlc);

        var transition = Assert.Single(transitions);
        Assert.Equal(CallState.Releasing, transition.Source);
        Assert.Equal(CallState.Released, transition.Destination);
        Assert.Equal(CallTrigger.Rlc, transition.Trigger);
        Assert.Equal(TransitionKind.External, transition.Kind);
        Assert.False(transition.IsReentry);
        Assert.False(transition.IsInternal);
    }

    [Fact]
    public void The_initial_state_is_exposed_for_new_contexts()
    {
        Assert.Equal(CallState.Idle, _sample.Machine.InitialState);
    }
}
