using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class ReentryTests
{
    [Fact]
    public void PermitReentry_runs_the_exit_then_the_entry_actions_of_the_state()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.Answered };

        sample.Machine.Fire(call, CallTrigger.SessionRefresh);

        Assert.Equal(CallState.Answered, call.State);
        Assert.Equal(["exit Answered", "entry Answered"], call.Log);
    }

    [Fact]
    public void A_reentry_is_described_as_such_to_actions_and_observers()
    {
        var call = new Call { State = CallState.Answered };
        Transition<CallState, CallTrigger>? seen = null;
        var observed = SampleCallMachine.Create(true, false, builder =>
            builder.OnTransitioned((_, transition) => seen = transition));

        observed.Machine.Fire(call, CallTrigger.SessionRefresh);

        Assert.NotNull(seen);
        Assert.True(seen.Value.IsReentry);
        Assert.Equal(TransitionKind.Reentry, seen.Value.Kind);
        Assert.Equal(CallState.Answered, seen.Value.Source);
        Assert.Equal(CallState.Answered, seen.Value.Destination);
    }

    [Fact]
    public void Reentry_declared_on_a_superstate_exits_the_substate_and_the_superstate_then_enters_the_superstate()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Setup).PermitReentry(CallTrigger.SessionRefresh));
        var call = new Call { State = CallState.AcmReceived };

        sample.Machine.Fire(call, CallTrigger.SessionRefresh);

        Assert.Equal(["exit AcmReceived", "exit Setup", "entry Setup"], call.Log);
        Assert.Equal(CallState.Setup, call.State);
    }

    [Theory]
    [InlineData(true, CallState.Answered, "exit Answered,entry Answered")]
    [InlineData(false, CallState.Answered, "")]
    public void PermitReentryIf_re_enters_only_when_its_guard_holds(bool allowed, CallState expected, string log)
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Answered)
                .PermitReentryIf(CallTrigger.Acm, static call => call.FreeCallsAllowed, "refresh allowed"));
        var call = new Call { State = CallState.Answered, FreeCallsAllowed = allowed, Recording = true };

        sample.Machine.Fire(call, CallTrigger.Acm);

        Assert.Equal(expected, call.State);
        var expectedLog = log.Length == 0 ? ["unhandled Acm in Answered [refresh allowed]"] : log.Split(',');
        Assert.Equal(expectedLog, call.Log);
    }
}
