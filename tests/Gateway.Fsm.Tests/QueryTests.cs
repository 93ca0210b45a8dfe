using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class QueryTests
{
    private readonly SampleCallMachine _sample = SampleCallMachine.Create();

    [Theory]
    [InlineData(CallState.Idle, CallTrigger.Invite, true)]
    [InlineData(CallState.Idle, CallTrigger.Bye, false)]
    [InlineData(CallState.IamSent, CallTrigger.Cancel, true)]
    [InlineData(CallState.AcmReceived, CallTrigger.Cpg, true)]
    [InlineData(CallState.Answered, CallTrigger.Cpg, true)]
    [InlineData(CallState.Released, CallTrigger.Invite, false)]
    public void CanFire_tells_whether_the_trigger_would_be_handled(CallState state, CallTrigger trigger, bool expected)
    {
        var call = new Call { State = state };

        Assert.Equal(expected, _sample.Machine.CanFire(call, trigger));
        Assert.Empty(call.Log);
        Assert.Equal(state, call.State);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void CanFire_with_an_argument_evaluates_argument_guards(bool charged, bool expected)
    {
        var call = new Call { State = CallState.IamSent, FastAnswerAllowed = charged };

        Assert.Equal(expected, _sample.Machine.CanFire(call, _sample.Answer, new AnswerInfo(charged, 3)));
    }

    [Fact]
    public void CanFire_without_the_argument_of_a_parameterised_trigger_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => _sample.Machine.CanFire(new Call(), CallTrigger.Anm));
    }

    [Fact]
    public void GetPermittedTriggers_lists_handled_triggers_in_enum_order_including_superstate_ones()
    {
        var call = new Call { State = CallState.AcmReceived };

        Assert.Equal(
            [CallTrigger.Cpg, CallTrigger.Anm, CallTrigger.Cancel, CallTrigger.T7Expiry],
            _sample.Machine.GetPermittedTriggers(call));
    }

    [Theory]
    [InlineData(false, new[] { CallTrigger.Acm, CallTrigger.Cancel, CallTrigger.T7Expiry })]
    [InlineData(true, new[] { CallTrigger.Acm, CallTrigger.Anm, CallTrigger.Cancel, CallTrigger.T7Expiry })]
    public void GetPermittedTriggers_evaluates_context_guards(bool fastAnswer, CallTrigger[] expected)
    {
        var call = new Call { State = CallState.IamSent, FastAnswerAllowed = fastAnswer };

        Assert.Equal(expected, _sample.Machine.GetPermittedTriggers(call));
    }

    [Fact]
    public void IsInState_of_the_sample_call_covers_the_setup_superstate()
    {
        var call = new Call { State = CallState.AcmReceived };

        Assert.True(_sample.Machine.IsInState(call, CallState.Setup));
        Assert.True(_sample.Machine.IsInState(call, CallState.AcmReceived));
        Assert.False(_sample.Machine.IsInState(call, CallState.IamSent));
        Assert.False(_sample.Machine.IsInState(call, CallState.Answered));
    }
}
