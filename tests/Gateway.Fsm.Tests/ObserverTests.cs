using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class ObserverTests
{
    [Fact]
    public void Observers_run_after_exit_actions_and_before_entry_actions()
    {
        var sample = SampleCallMachine.Create(true, withObserver: true);
        var call = new Call();

        sample.Machine.Fire(call, CallTrigger.Invite);

        Assert.Equal(
            ["exit Idle", "transitioned Idle -> IamSent on Invite", "entry Setup", "entry IamSent"],
            call.Log);
    }

    [Fact]
    public void Observers_run_in_registration_order()
    {
        var sample = SampleCallMachine.Create(true, false, builder => builder
            .OnTransitioned(static (call, _) => call.Record("first observer"))
            .OnTransitioned(static (call, _) => call.Record("second observer")));
        var call = new Call { State = CallState.Releasing };

        sample.Machine.Fire(call, CallTrigger.Rlc);

        Assert.Equal(["exit Releasing", "first observer", "second observer", "entry Released"], call.Log);
    }

    [Fact]
    public void Observers_see_the_new_state_and_the_transition()
    {
        var seen = new List<(CallState State, Transition<CallState, CallTrigger> Transition)>();
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.OnTransitioned((call, transition) => seen.Add((call.State, transition))));
        var call = new Call { State = CallState.AcmReceived };

        sample.Machine.Fire(call, CallTrigger.Cancel);

        var (state, transition) = Assert.Single(seen);
        Assert.Equal(CallState.Releasing, state);
        Assert.Equal(new Transition<CallState, CallTrigger>(CallState.AcmReceived, CallState.Releasing, CallTrigger.Cancel, TransitionKind.External), transition);
    }

    [Theory]
    [InlineData(CallState.Answered, CallTrigger.Cpg)]
    [InlineData(CallState.AcmReceived, CallTrigger.Cpg)]
    [InlineData(CallState.Idle, CallTrigger.Rlc)]
    public void Observers_are_not_told_of_ignored_internal_or_unhandled_triggers(CallState state, CallTrigger trigger)
    {
        var sample = SampleCallMachine.Create(true, withObserver: true);
        var call = new Call { State = state };

        sample.Machine.Fire(call, trigger);

        Assert.DoesNotContain(call.Log, entry => entry.StartsWith("transitioned", StringComparison.Ordinal));
    }
}
