using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class IgnoreTests
{
    [Fact]
    public void An_ignored_trigger_runs_nothing_and_keeps_the_state()
    {
        var sample = SampleCallMachine.Create(true, true);
        var call = new Call { State = CallState.Releasing };

        sample.Machine.Fire(call, CallTrigger.Bye);

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Empty(call.Log);
        Assert.Equal(0, call.UnhandledCount);
    }

    [Fact]
    public void An_ignored_trigger_can_fire_and_is_permitted()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.Answered };

        Assert.True(sample.Machine.CanFire(call, CallTrigger.Cpg));
        Assert.Contains(CallTrigger.Cpg, sample.Machine.GetPermittedTriggers(call));
    }

    [Fact]
    public void Ignore_on_a_superstate_applies_in_its_substates()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Setup).Ignore(CallTrigger.Bye));
        var call = new Call { State = CallState.AcmReceived };

        sample.Machine.Fire(call, CallTrigger.Bye);

        Assert.Equal(CallState.AcmReceived, call.State);
        Assert.Empty(call.Log);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void IgnoreIf_ignores_only_while_its_guard_holds(bool ignoring, int unhandled)
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Released).IgnoreIf(CallTrigger.Bye, static call => call.FreeCallsAllowed, "late BYE"));
        var call = new Call { State = CallState.Released, FreeCallsAllowed = ignoring };

        sample.Machine.Fire(call, CallTrigger.Bye);

        Assert.Equal(CallState.Released, call.State);
        Assert.Equal(unhandled, call.UnhandledCount);
    }
}
