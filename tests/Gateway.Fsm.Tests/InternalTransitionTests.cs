using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class InternalTransitionTests
{
    [Fact]
    public void An_internal_transition_runs_its_action_without_exit_or_entry_actions()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.AcmReceived };

        sample.Machine.Fire(call, CallTrigger.Cpg);

        Assert.Equal(CallState.AcmReceived, call.State);
        Assert.Equal(["internal Cpg"], call.Log);
    }

    [Fact]
    public void An_internal_transition_does_not_notify_observers()
    {
        var sample = SampleCallMachine.Create(true, withObserver: true);
        var call = new Call { State = CallState.AcmReceived };

        sample.Machine.Fire(call, CallTrigger.Cpg);

        Assert.Equal(["internal Cpg"], call.Log);
    }

    [Fact]
    public void The_action_is_told_it_is_an_internal_transition_in_the_current_state()
    {
        var transitions = new List<Transition<CallState, CallTrigger>>();
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Releasing).InternalTransition(CallTrigger.Cpg, (_, t) => transitions.Add(t)));
        var call = new Call { State = CallState.Releasing };

        sample.Machine.Fire(call, CallTrigger.Cpg);

        var transition = Assert.Single(transitions);
        Assert.True(transition.IsInternal);
        Assert.Equal(CallState.Releasing, transition.Source);
        Assert.Equal(CallState.Releasing, transition.Destination);
        Assert.Equal(CallTrigger.Cpg, transition.Trigger);
    }

    [Fact]
    public void An_internal_transition_on_a_superstate_keeps_the_machine_in_the_substate()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Setup).InternalTransition(CallTrigger.SessionRefresh, static (call, _) => call.Record("refresh in setup")));
        var call = new Call { State = CallState.IamSent };

        sample.Machine.Fire(call, CallTrigger.SessionRefresh);

        Assert.Equal(CallState.IamSent, call.State);
        Assert.Equal(["refresh in setup"], call.Log);
    }
}
