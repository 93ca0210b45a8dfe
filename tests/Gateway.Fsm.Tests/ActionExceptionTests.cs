using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class ActionExceptionTests
{
    private sealed class CircuitFault : Exception
    {
        public CircuitFault(string message)
            : base(message)
        {
        }
    }

    [Fact]
    public void A_throwing_entry_action_leaves_the_context_in_the_destination_and_skips_the_remaining_entry_actions()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Setup).OnEntry(static (_, _) => throw new CircuitFault("no circuit")));
        var call = new Call();

        var exception = Assert.Throws<CircuitFault>(() => sample.Machine.Fire(call, CallTrigger.Invite));

        Assert.Equal("no circuit", exception.Message);
        Assert.Equal(CallState.IamSent, call.State);
        Assert.Equal(["exit Idle", "entry Setup"], call.Log);
    }

    [Fact]
    public void Observers_have_already_run_when_an_entry_action_throws()
    {
        var sample = SampleCallMachine.Create(true, true, builder =>
            builder.Configure(CallState.Released).OnEntry(static (_, _) => throw new CircuitFault("boom")));
        var call = new Call { State = CallState.Releasing };

        Assert.Throws<CircuitFault>(() => sample.Machine.Fire(call, CallTrigger.Rlc));

        Assert.Equal(
            ["exit Releasing", "transitioned Releasing -> Released on Rlc", "entry Released"],
            call.Log);
        Assert.Equal(CallState.Released, call.State);
    }

    [Fact]
    public void A_throwing_exit_action_leaves_the_state_unchanged_and_runs_no_entry_action()
    {
        var sample = SampleCallMachine.Create(true, true, builder =>
            builder.Configure(CallState.AcmReceived).OnExit(static (_, _) => throw new CircuitFault("stuck")));
        var call = new Call { State = CallState.AcmReceived };

        Assert.Throws<CircuitFault>(() => sample.Machine.Fire(call, CallTrigger.Cancel));

        Assert.Equal(CallState.AcmReceived, call.State);
        Assert.Equal(["exit AcmReceived"], call.Log);
    }

    [Fact]
    public void A_throwing_guard_leaves_the_state_unchanged()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Released).PermitIf(CallTrigger.Invite, CallState.IamSent, static _ => throw new CircuitFault("guard"), "circuit free"));
        var call = new Call { State = CallState.Released };

        Assert.Throws<CircuitFault>(() => sample.Machine.Fire(call, CallTrigger.Invite));

        Assert.Equal(CallState.Released, call.State);
        Assert.Empty(call.Log);
    }

    [Fact]
    public void The_machine_and_the_context_stay_usable_after_an_action_throws()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.IamSent).OnEntry(static (call, _) =>
            {
                if (!call.FastAnswerAllowed)
                {
                    throw new CircuitFault("first attempt");
                }
            }));
        var call = new Call();

        Assert.Throws<CircuitFault>(() => sample.Machine.Fire(call, CallTrigger.Invite));
        sample.Machine.Fire(call, CallTrigger.Acm);

        Assert.Equal(CallState.AcmReceived, call.State);
    }
}
