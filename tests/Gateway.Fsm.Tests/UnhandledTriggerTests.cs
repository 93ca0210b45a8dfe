using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class UnhandledTriggerTests
{
    [Fact]
    public void The_configured_policy_receives_context_state_trigger_and_no_unmet_guards()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.Idle };

        sample.Machine.Fire(call, CallTrigger.Rlc);

        Assert.Equal(CallState.Idle, call.State);
        Assert.Equal(["unhandled Rlc in Idle []"], call.Log);
    }

    [Fact]
    public void Without_a_policy_an_UnhandledTriggerException_names_state_and_trigger()
    {
        var sample = SampleCallMachine.Create(withUnhandledHandler: false);
        var call = new Call { State = CallState.Idle };

        var exception = Assert.Throws<UnhandledTriggerException>(() => sample.Machine.Fire(call, CallTrigger.Rlc));

        Assert.Equal(CallState.Idle, exception.State);
        Assert.Equal(CallTrigger.Rlc, exception.Trigger);
        Assert.Empty(exception.UnmetGuards);
        Assert.Contains("'Rlc'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Idle'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(CallState.Idle, call.State);
        Assert.Empty(call.Log);
    }

    [Fact]
    public void Without_a_policy_the_exception_lists_the_unmet_guards()
    {
        var sample = SampleCallMachine.Create(withUnhandledHandler: false);
        var call = new Call { State = CallState.IamSent, FastAnswerAllowed = false };

        var exception = Assert.Throws<UnhandledTriggerException>(
            () => sample.Machine.Fire(call, sample.Answer, new AnswerInfo(true, 4)));

        Assert.Equal(["fast answer allowed"], exception.UnmetGuards);
        Assert.Contains("fast answer allowed", exception.Message, StringComparison.Ordinal);
        Assert.Equal(CallState.IamSent, call.State);
    }

    [Fact]
    public void A_trigger_value_outside_the_enum_is_unhandled_not_a_crash()
    {
        var sample = SampleCallMachine.Create(withUnhandledHandler: false);
        var call = new Call();

        var exception = Assert.Throws<UnhandledTriggerException>(() => sample.Machine.Fire(call, (CallTrigger)999));

        Assert.Equal((CallTrigger)999, exception.Trigger);
    }

    [Fact]
    public void A_state_never_configured_handles_nothing()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.Released };

        sample.Machine.Fire(call, CallTrigger.Invite);

        Assert.Equal(CallState.Released, call.State);
        Assert.Equal(1, call.UnhandledCount);
    }

    [Fact]
    public void A_context_holding_an_unknown_state_value_gets_the_unhandled_policy()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = (CallState)(-1) };

        sample.Machine.Fire(call, CallTrigger.Invite);

        Assert.Equal(1, call.UnhandledCount);
        Assert.Equal((CallState)(-1), call.State);
    }
}
