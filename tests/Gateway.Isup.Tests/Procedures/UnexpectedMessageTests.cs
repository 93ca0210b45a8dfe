using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>
/// Abnormal conditions (Q.764 §2.9.5): unexpected messages reset an idle circuit or a call before any backward
/// message and are dropped later; unrecognised messages and parameters follow their compatibility information.
/// </summary>
public sealed class UnexpectedMessageTests
{
    [Fact]
    public void A_call_message_on_an_idle_circuit_resets_it()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.ReceiveCall(IsupMessageType.ANM, 5);

        Assert.Equal(["RSC cic=5"], harness.Signals.TakeText());
        IsupMaintenanceEvent unexpected = Assert.Single(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.UnexpectedMessage);
        Assert.Equal((CircuitState.Idle, IsupMessageType.ANM, IsupMaintenanceAction.Reset), (unexpected.State, unexpected.MessageType, unexpected.Action));
        Assert.Equal("event=unexpected-message dpc=100 cic=5 state=Idle message=ANM action=reset", unexpected.ToString());
        harness.Receive(IsupMessageType.RLC, 5);
        harness.AssertQuiescent();
    }

    [Fact]
    public void An_unexpected_message_on_an_incoming_call_before_any_backward_message_resets_the_circuit_and_fails_the_call()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);

        harness.ReceiveCall(IsupMessageType.ACM, 3);

        Assert.Equal(["RSC cic=3"], harness.Signals.TakeText());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal((IsupCallEventKind.Failed, IsupCallEndReason.UnexpectedMessage), (failed.Kind, failed.Event.Reason));
        Assert.Equal(IsupCauses.ProtocolError, failed.Event.Cause.Value);
        Assert.True(call.IsEnded);
    }

    [Fact]
    public void An_unexpected_message_on_our_call_before_any_backward_message_resets_the_circuit_and_moves_the_call()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.CPG, 2);

        Assert.Equal(["RSC cic=2", "IAM cic=4"], harness.Signals.TakeText());
        Assert.Equal(IsupCallEventKind.Reattempted, Assert.Single(harness.Calls.Take()).Kind);
        Assert.Equal(4, call.Cic);
    }

    [Fact]
    public void An_unexpected_message_after_a_backward_message_is_dropped_and_the_call_goes_on()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.ReceiveCall(IsupMessageType.SAM, 2);

        Assert.Empty(harness.Signals.Take());
        Assert.Empty(harness.Calls.Take());
        Assert.Equal(2, harness.Maintenance.Take().Count(e => e.Kind == IsupMaintenanceEventKind.UnexpectedMessage && e.Action == IsupMaintenanceAction.Discard));
        Assert.False(call.IsEnded);
    }

    [Fact]
    public void CFN_is_reported_and_never_answered()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.SeizeOutgoing();
        harness.Forget();

        harness.Receive(IsupSignal.Confusion(2, new IsupCause(97, Diagnostic: 0x42)));

        Assert.Empty(harness.Signals.Take());
        IsupMaintenanceEvent confusion = Assert.Single(harness.Maintenance.Take());
        Assert.Equal(IsupMaintenanceEventKind.ConfusionReceived, confusion.Kind);
        Assert.Equal(97, confusion.Cause.Value);
    }

    [Theory]
    [InlineData((byte)0x50)] // a code Q.763 does not assign
    [InlineData((byte)IsupMessageType.COT)] // a message we do not implement
    public void An_unrecognised_message_without_compatibility_information_is_dropped_and_answered_with_CFN_97(byte code)
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Receive(IsupSignal.Of((IsupMessageType)code, 5));

        SentSignal confusion = Assert.Single(harness.Signals.Take());
        Assert.Equal(IsupMessageType.CFN, confusion.Signal.Type);
        Assert.Equal(new IsupCause(97, CauseLocation.PublicNetworkLocalUser, code), confusion.Signal.Cause);
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.UnrecognisedMessage && e.Action == IsupMaintenanceAction.Confusion);
        harness.AssertQuiescent();
    }

    [Fact]
    public void An_unrecognised_message_whose_instructions_say_release_releases_the_call_with_cause_97()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);

        harness.Receive(new IsupSignal { Type = (IsupMessageType)0x50, Cic = 3, Compatibility = new MessageCompatibility(0b0000_0010) });

        Assert.Equal(["REL cic=3 cause=97/0x50"], harness.Signals.TakeText());
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal((IsupCallEventKind.Failed, IsupCallEndReason.UnrecognisedInformation), (failed.Kind, failed.Event.Reason));
        Assert.True(call.IsEnded);
    }

    [Theory]
    [InlineData(0b0000_1000, false)] // discard
    [InlineData(0b0000_1100, true)]  // discard and notify
    [InlineData(0b0001_0000, false)] // pass on (impossible here): discard
    [InlineData(0b0001_0100, true)]  // pass on (impossible here): discard and notify
    public void An_unrecognised_message_whose_instructions_say_discard_is_dropped_with_CFN_only_when_asked(byte instructions, bool confusion)
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.OfferIncoming(3);

        harness.Receive(new IsupSignal { Type = (IsupMessageType)0x50, Cic = 3, Compatibility = new MessageCompatibility(instructions) });

        Assert.Equal(confusion ? ["CFN cic=3 cause=97/0x50"] : [], harness.Signals.TakeText());
        Assert.False(call.IsEnded);
    }

    [Fact]
    public void An_unrecognised_message_that_cannot_be_passed_on_releases_the_call_when_bit_E_says_so()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        harness.OfferIncoming(3);

        harness.Receive(new IsupSignal { Type = (IsupMessageType)0x50, Cic = 3, Compatibility = new MessageCompatibility(0) });

        Assert.Equal(["REL cic=3 cause=97/0x50"], harness.Signals.TakeText());
    }

    [Fact]
    public void Unrecognised_parameters_release_drop_or_notify_as_the_codec_summarised_their_instructions()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.Forget();

        harness.Receive(new IsupSignal { Type = IsupMessageType.ACM, Cic = 2, ParameterCompatibility = ParameterCompatibilityAction.ProcessAndNotify, UnrecognisedParameter = 0xF0 });
        Assert.Equal(["CFN cic=2 cause=99/0xF0"], harness.Signals.TakeText());
        Assert.Equal(IsupCallEventKind.AddressComplete, Assert.Single(harness.Calls.Take()).Kind);

        harness.Receive(new IsupSignal { Type = IsupMessageType.CPG, Cic = 2, ParameterCompatibility = ParameterCompatibilityAction.DiscardMessageAndNotify, UnrecognisedParameter = 0xF1 });
        Assert.Equal(["CFN cic=2 cause=110/0xF1"], harness.Signals.TakeText());
        harness.Receive(new IsupSignal { Type = IsupMessageType.CPG, Cic = 2, ParameterCompatibility = ParameterCompatibilityAction.DiscardMessage });
        Assert.Empty(harness.Signals.Take());
        Assert.Empty(harness.Calls.Take());

        harness.Receive(new IsupSignal { Type = IsupMessageType.ANM, Cic = 2, ParameterCompatibility = ParameterCompatibilityAction.ReleaseCall, UnrecognisedParameter = 0xF2 });
        Assert.Equal(["REL cic=2 cause=99/0xF2"], harness.Signals.TakeText());
        Assert.Equal(IsupCallEndReason.UnrecognisedInformation, Assert.Single(harness.Calls.Take()).Event.Reason);
        Assert.True(call.IsEnded);
    }

    [Fact]
    public void An_IAM_whose_unrecognised_parameter_says_release_is_released_with_cause_99_and_the_circuit_awaits_RLC()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Receive(new IsupSignal { Type = IsupMessageType.IAM, Cic = 5, ParameterCompatibility = ParameterCompatibilityAction.ReleaseCall, UnrecognisedParameter = 0xF3 });
        Assert.Equal(["REL cic=5 cause=99/0xF3"], harness.Signals.TakeText());
        Assert.Empty(harness.Calls.Take());
        Assert.Equal(CircuitState.AwaitingRlc, harness.Status(5).State);

        harness.Receive(IsupSignal.Of(IsupMessageType.RLC, 5));
        Assert.Equal(CircuitState.Idle, harness.Status(5).State);
    }

    [Fact]
    public void A_message_from_a_point_code_without_circuits_is_reported_and_dropped()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Exchange.Receive(4321, IsupSignal.Call(IsupMessageType.IAM, 1, "IAM"));

        Assert.Empty(harness.Signals.Take());
        IsupMaintenanceEvent reported = Assert.Single(harness.Maintenance.Take());
        Assert.Equal((IsupMaintenanceEventKind.UnknownPointCode, 4321), (reported.Kind, reported.Dpc));
    }
}
