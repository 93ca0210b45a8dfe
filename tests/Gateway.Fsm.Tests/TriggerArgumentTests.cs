using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class TriggerArgumentTests
{
    private enum Dialog { Early, Confirmed }

    private enum SipEvent { Response, Info }

    private sealed record SipResponse(int Status, string Reason);

    private sealed class DialogContext : IStateful<Dialog>
    {
        public Dialog State { get; set; }

        public List<string> Log { get; } = [];
    }

    [Fact]
    public void A_struct_argument_reaches_the_guard_and_the_entry_action()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.AcmReceived };
        var info = new AnswerInfo(Charged: true, ConnectedNumberDigits: 11);

        sample.Machine.Fire(call, sample.Answer, info);

        Assert.Equal(CallState.Answered, call.State);
        Assert.Equal(info, call.LastAnswer);
    }

    [Fact]
    public void A_reference_argument_reaches_guards_entry_actions_and_internal_transitions()
    {
        var builder = new StateMachineBuilder<Dialog, SipEvent, DialogContext>(Dialog.Early);
        var response = builder.SetTriggerParameter<SipResponse>(SipEvent.Response);
        builder.Configure(Dialog.Early)
            .PermitIf(response, Dialog.Confirmed, static (_, in r) => r.Status is >= 200 and < 300, "2xx")
            .IgnoreIf(SipEvent.Response, static _ => true, "otherwise");
        builder.Configure(Dialog.Confirmed)
            .OnEntryFrom(response, static (dialog, in r, _) => dialog.Log.Add("confirmed by " + r.Reason))
            .InternalTransition(response, static (dialog, in r, _) => dialog.Log.Add("retransmitted " + r.Status));
        var machine = builder.Build();
        var dialog = new DialogContext();

        machine.Fire(dialog, response, new SipResponse(183, "Session Progress"));
        Assert.Equal(Dialog.Early, dialog.State);

        machine.Fire(dialog, response, new SipResponse(200, "OK"));
        Assert.Equal(Dialog.Confirmed, dialog.State);

        machine.Fire(dialog, response, new SipResponse(200, "OK"));
        Assert.Equal(["confirmed by OK", "retransmitted 200"], dialog.Log);
    }

    [Fact]
    public void A_parameterised_trigger_cannot_be_fired_without_its_argument()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { State = CallState.AcmReceived };

        var exception = Assert.Throws<ArgumentException>(() => sample.Machine.Fire(call, CallTrigger.Anm));

        Assert.Contains("AnswerInfo", exception.Message, StringComparison.Ordinal);
        Assert.Equal(CallState.AcmReceived, call.State);
    }

    [Fact]
    public void A_parameterised_trigger_from_another_builder_is_rejected_when_fired()
    {
        var sample = SampleCallMachine.Create();
        var other = SampleCallMachine.Create();
        var call = new Call { State = CallState.AcmReceived };

        Assert.Throws<ArgumentException>(() => sample.Machine.Fire(call, other.Answer, new AnswerInfo(true, 1)));
        Assert.Equal(CallState.AcmReceived, call.State);
    }

    [Fact]
    public void A_parameterised_trigger_from_another_builder_is_rejected_when_configured()
    {
        var first = new StateMachineBuilder<Dialog, SipEvent, DialogContext>(Dialog.Early);
        var second = new StateMachineBuilder<Dialog, SipEvent, DialogContext>(Dialog.Early);
        var response = first.SetTriggerParameter<SipResponse>(SipEvent.Response);

        Assert.Throws<ArgumentException>(() =>
            second.Configure(Dialog.Early).PermitIf(response, Dialog.Confirmed, static (_, in r) => r is not null, "any"));
    }

    [Fact]
    public void A_trigger_parameter_can_be_declared_only_once()
    {
        var builder = new StateMachineBuilder<Dialog, SipEvent, DialogContext>(Dialog.Early);
        builder.SetTriggerParameter<SipResponse>(SipEvent.Response);

        Assert.Throws<InvalidOperationException>(() => builder.SetTriggerParameter<int>(SipEvent.Response));
    }

    [Fact]
    public void Raw_permits_on_a_parameterised_trigger_still_need_the_argument_to_fire()
    {
        var builder = new StateMachineBuilder<Dialog, SipEvent, DialogContext>(Dialog.Early);
        var response = builder.SetTriggerParameter<SipResponse>(SipEvent.Response);
        builder.Configure(Dialog.Early).Permit(SipEvent.Response, Dialog.Confirmed);
        var machine = builder.Build();
        var dialog = new DialogContext();

        machine.Fire(dialog, response, new SipResponse(200, "OK"));

        Assert.Equal(Dialog.Confirmed, dialog.State);
    }
}
