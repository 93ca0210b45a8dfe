using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;
using Gateway.Isup.Tests.Samples;

namespace Gateway.Isup.Tests.Signals;

/// <summary>
/// Q.764 §2.9.5.3 through the bridge: a message type nobody here knows still reaches the procedures with its message
/// compatibility information, and unknown parameters with what their parameter compatibility information (Q.763 §3.41)
/// asks of an end node.
/// </summary>
public sealed class SignalCompatibilityTests
{
    private const byte Unknown = 0xF5;      // a parameter code Q.763 does not define
    private const byte OtherUnknown = 0xF6;

    // Instruction indicator bits (Q.763 §3.41).
    private const byte Release = 0x02;      // B
    private const byte Notify = 0x04;       // C
    private const byte DropMessage = 0x08;  // D
    private const byte DropParameter = 0x10; // E
    private const byte Last = 0x80;         // extension bit: last octet

    [Fact]
    public void An_unknown_type_without_parameters_has_no_compatibility_information()
    {
        IsupSignal signal = SignalAssert.Decode([0x05, 0x00, 0x70]);
        Assert.Equal((IsupMessageType)0x70, signal.Type);
        Assert.Equal(5, signal.Cic);
        Assert.False(signal.Compatibility.IsPresent);
    }

    [Fact]
    public void An_unknown_type_brings_its_message_compatibility_information()
    {
        // Optional part only (the shape of every type since 1992): message compatibility information 0x8C, the last
        // octet, discard (D) and notify (C).
        IsupSignal signal = SignalAssert.Decode([0x05, 0x00, 0x70, 0x01, 0x38, 0x01, 0x8C, Unknown, 0x01, 0xAA, 0x00]);
        Assert.True(signal.Compatibility.IsPresent);
        Assert.Equal(0x8C, signal.Compatibility.InstructionIndicators);
        Assert.True(signal.Compatibility.DiscardMessage);
        Assert.True(signal.Compatibility.SendNotification);
        Assert.Equal(ParameterCompatibilityAction.None, signal.ParameterCompatibility); // not for an unrecognised message
    }

    [Fact]
    public void An_unknown_type_in_another_shape_is_not_malformed_it_just_has_no_compatibility_information()
    {
        IsupSignalResult result = IsupSignalCodec.TryDecode([0x05, 0x00, 0x70, 0x09, 0xFF], out IsupSignal signal);
        Assert.True(result.Succeeded);
        Assert.Equal((IsupMessageType)0x70, signal.Type);
        Assert.False(signal.Compatibility.IsPresent);
    }

    [Theory]
    [InlineData(IsupMessageType.CRG)]
    [InlineData(IsupMessageType.PAM)]
    public void An_opaque_type_is_searched_for_compatibility_information_like_an_unknown_one(IsupMessageType type)
    {
        IsupSignal signal = SignalAssert.Decode([0x05, 0x00, (byte)type, 0x01, 0x38, 0x01, 0x82, 0x00]);
        Assert.Equal(type, signal.Type);
        Assert.True(signal.Compatibility.ReleaseCall);
        Assert.Null(signal.Message);
    }

    [Fact]
    public void An_unknown_parameter_without_instructions_is_dropped_and_notified()
    {
        IsupSignal signal = DecodeIam([Unknown]);
        Assert.Equal(ParameterCompatibilityAction.ProcessAndNotify, signal.ParameterCompatibility);
        Assert.Equal(Unknown, signal.UnrecognisedParameter);
        IsupMessage message = Assert.IsType<IsupMessage>(signal.Message);
        Assert.False(message.Contains((IsupParameterCode)Unknown));
        Assert.True(message.Contains(IsupParameterCode.CalledPartyNumber)); // the rest is untouched
    }

    [Theory]
    [InlineData(Last | DropParameter, ParameterCompatibilityAction.None, false)]
    [InlineData(Last | DropParameter | Notify, ParameterCompatibilityAction.ProcessAndNotify, false)]
    [InlineData(Last | Release, ParameterCompatibilityAction.ReleaseCall, true)]
    [InlineData(Last | Release | DropMessage | Notify, ParameterCompatibilityAction.ReleaseCall, true)]
    [InlineData(Last | DropMessage, ParameterCompatibilityAction.DiscardMessage, true)]
    [InlineData(Last | DropMessage | Notify, ParameterCompatibilityAction.DiscardMessageAndNotify, true)]
    // "Pass on" (neither B, D nor E): not possible at an end node, so bits GF decide.
    [InlineData(Last | 0x00, ParameterCompatibilityAction.ReleaseCall, true)]
    [InlineData(Last | 0x20, ParameterCompatibilityAction.DiscardMessage, true)]
    [InlineData(Last | 0x20 | Notify, ParameterCompatibilityAction.DiscardMessageAndNotify, true)]
    [InlineData(Last | 0x40, ParameterCompatibilityAction.None, false)]
    [InlineData(Last | 0x40 | Notify, ParameterCompatibilityAction.ProcessAndNotify, false)]
    [InlineData(Last | 0x60, ParameterCompatibilityAction.ReleaseCall, true)] // 11 is reserved, read as 00
    // Bit A (end node interpretation) changes nothing here: we are the end node.
    [InlineData(Last | 0x01 | DropParameter, ParameterCompatibilityAction.None, false)]
    public void The_instruction_indicators_decide(byte instructions, ParameterCompatibilityAction action, bool parameterKept)
    {
        IsupSignal signal = DecodeIam([Unknown], [Unknown, instructions]);
        Assert.Equal(action, signal.ParameterCompatibility);
        Assert.Equal(action == ParameterCompatibilityAction.None ? 0 : Unknown, signal.UnrecognisedParameter);
        Assert.Equal(parameterKept, Assert.IsType<IsupMessage>(signal.Message).Contains((IsupParameterCode)Unknown));
    }

    [Fact]
    public void The_most_severe_instruction_wins_and_names_its_parameter()
    {
        IsupSignal signal = DecodeIam([Unknown, OtherUnknown], [Unknown, Last | DropParameter | Notify, OtherUnknown, Last | Release]);
        Assert.Equal(ParameterCompatibilityAction.ReleaseCall, signal.ParameterCompatibility);
        Assert.Equal(OtherUnknown, signal.UnrecognisedParameter);
    }

    [Fact]
    public void The_notification_names_the_parameter_that_asked_for_it()
    {
        IsupSignal signal = DecodeIam([Unknown, OtherUnknown], [Unknown, Last | DropParameter, OtherUnknown, Last | DropParameter | Notify]);
        Assert.Equal(ParameterCompatibilityAction.ProcessAndNotify, signal.ParameterCompatibility);
        Assert.Equal(OtherUnknown, signal.UnrecognisedParameter);
        IsupMessage message = Assert.IsType<IsupMessage>(signal.Message);
        Assert.False(message.Contains((IsupParameterCode)Unknown));
        Assert.False(message.Contains((IsupParameterCode)OtherUnknown));
    }

    [Fact]
    public void Instruction_octets_continued_by_extension_are_skipped_to_find_the_next_entry()
    {
        // The first entry's indicators run over two octets (02 with bit 8 clear, then 83): the second entry starts after.
        IsupSignal signal = DecodeIam([Unknown], [0xF4, Release, Last | 0x03, Unknown, Last | DropParameter]);
        Assert.Equal(ParameterCompatibilityAction.None, signal.ParameterCompatibility);
    }

    [Fact]
    public void Messages_read_in_place_get_the_same_summary()
    {
        // A UPT with an unknown parameter and instructions to discard the message and notify.
        byte[] upt = [0x05, 0x00, (byte)IsupMessageType.UPT, 0x01, 0x39, 0x02, Unknown, Last | DropMessage | Notify, Unknown, 0x01, 0x00, 0x00];
        IsupSignal signal = SignalAssert.Decode(upt);
        Assert.Equal(ParameterCompatibilityAction.DiscardMessageAndNotify, signal.ParameterCompatibility);
        Assert.Equal(Unknown, signal.UnrecognisedParameter);
    }

    [Fact]
    public void The_procedures_act_on_the_summary_an_acm_asking_for_release_is_released_with_cause_99()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing(IsupSamples.Iam(cic: null));
        harness.Forget();
        IsupMessage acm = IsupSamples.All(call.Cic).First(m => m.Type == IsupMessageType.ACM)
            .AddOptional((IsupParameterCode)Unknown, new byte[] { 0x2A })
            .Add(IsupParameterCode.ParameterCompatibilityInformation, new byte[] { Unknown, Last | Release });
        Assert.True(IsupSignalCodec.Receive(harness.Exchange, harness.Dpc, acm.Encode()).Succeeded);

        SentSignal rel = Assert.Single(harness.Signals.Take());
        Assert.Equal(IsupMessageType.REL, rel.Signal.Type);
        Assert.Equal(new IsupCause(IsupCauses.ParameterNotImplemented, CauseLocation.PublicNetworkLocalUser, Unknown), rel.Signal.Cause);
        ReceivedCallEvent failed = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.Failed, failed.Kind);
        Assert.Equal(IsupCallEndReason.UnrecognisedInformation, failed.Event.Reason);
        harness.Receive(IsupMessageType.RLC, call.Cic);
    }

    [Fact]
    public void The_procedures_act_on_the_summary_an_iam_with_a_dropped_parameter_is_offered_and_notified()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        Assert.True(IsupSignalCodec.Receive(harness.Exchange, harness.Dpc, Iam([Unknown], cic: 3)).Succeeded);

        SentSignal cfn = Assert.Single(harness.Signals.Take());
        Assert.Equal(IsupSignal.Confusion(3, new IsupCause(IsupCauses.ParameterNotImplemented, CauseLocation.PublicNetworkLocalUser, Unknown)).ToString(), cfn.Signal.ToString());
        ReceivedCallEvent offered = Assert.Single(harness.Calls.Take());
        Assert.Equal(IsupCallEventKind.IncomingCall, offered.Kind);
        Assert.False(Assert.IsType<IsupMessage>(offered.Event.Message).Contains((IsupParameterCode)Unknown));
    }

    private static IsupSignal DecodeIam(byte[] unknownCodes, byte[]? compatibility = null) => SignalAssert.Decode(Iam(unknownCodes, compatibility));

    /// <summary>The sample IAM with one-octet unknown parameters and, when given, a parameter compatibility information.</summary>
    private static byte[] Iam(byte[] unknownCodes, byte[]? compatibility = null, int cic = 7)
    {
        IsupMessage iam = IsupSamples.Iam(cic);
        foreach (byte code in unknownCodes)
        {
            iam.AddOptional((IsupParameterCode)code, new byte[] { 0x2A });
        }

        if (compatibility is not null)
        {
            iam.Add(IsupParameterCode.ParameterCompatibilityInformation, compatibility);
        }

        return iam.Encode();
    }
}
