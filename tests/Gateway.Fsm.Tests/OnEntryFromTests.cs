using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class OnEntryFromTests
{
    [Fact]
    public void OnEntryFrom_runs_when_entered_by_its_trigger_interleaved_with_OnEntry_in_declaration_order()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.AcmReceived };

        sample.Machine.Fire(call, sample.Answer, new AnswerInfo(true, 9));

        Assert.Equal(["exit AcmReceived", "exit Setup", "entry Answered from Anm", "entry Answered"], call.Log);
    }

    [Fact]
    public void OnEntryFrom_does_not_run_when_entered_by_another_trigger()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Releasing).Permit(CallTrigger.SessionRefresh, CallState.Answered));
        var call = new Call { State = CallState.Releasing };

        sample.Machine.Fire(call, CallTrigger.SessionRefresh);

        Assert.Equal(CallState.Answered, call.State);
        Assert.Equal(["exit Releasing", "entry Answered"], call.Log);
    }

    [Fact]
    public void OnEntryFrom_does_not_run_on_a_re_entry_by_another_trigger()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.Answered };

        sample.Machine.Fire(call, CallTrigger.SessionRefresh);

        Assert.DoesNotContain("entry Answered from Anm", call.Log);
    }

    [Fact]
    public void OnEntryFrom_with_a_plain_trigger_runs_on_superstates_entered_by_that_trigger()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
        {
            builder.Configure(CallState.Setup).OnEntryFrom(CallTrigger.Invite, static (call, _) => call.Record("setup from invite"));
            builder.Configure(CallState.Releasing).Permit(CallTrigger.SessionRefresh, CallState.IamSent);
        });
        var invited = new Call();
        var retried = new Call { State = CallState.Releasing };

        sample.Machine.Fire(invited, CallTrigger.Invite);
        sample.Machine.Fire(retried, CallTrigger.SessionRefresh);

        Assert.Equal(["exit Idle", "entry Setup", "setup from invite", "entry IamSent"], invited.Log);
        Assert.Equal(["exit Releasing", "entry Setup", "entry IamSent"], retried.Log);
    }
}
