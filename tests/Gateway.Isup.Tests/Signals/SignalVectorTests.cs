using Gateway.Isup;
using Gateway.Isup.Tests.Conformance;

namespace Gateway.Isup.Tests.Signals;

/// <summary>
/// The independent vectors (jSS7's unit-test bodies, MTP3 user data from the CIC) become the signals Wireshark's
/// decode of them describes: the fields the procedures act on, and the decoded message for call messages.
/// </summary>
public sealed class SignalVectorTests
{
    private const int Cic = 2828; // every jSS7 body uses CIC 0x0B0C

    public static TheoryData<string> WellFormedMtp3Vectors()
    {
        var names = new TheoryData<string>();
        foreach (IsupVector vector in IsupVectors.All)
        {
            if (!vector.IsMalformed && vector.Form == IsupBodyForm.Mtp3UserData)
            {
                names.Add(vector.Name);
            }
        }

        return names;
    }

    public static TheoryData<string> MalformedVectors() => IsupVectors.Names(malformed: true);

    [Theory]
    [MemberData(nameof(WellFormedMtp3Vectors))]
    public void Every_vector_wireshark_accepts_becomes_a_signal(string name)
    {
        IsupVector vector = IsupVectors.Get(name);
        IsupSignal signal = SignalAssert.Decode(vector.Bytes);
        Assert.Equal((IsupMessageType)vector.Bytes[2], signal.Type);
        Assert.Equal(vector.Bytes[0] | ((vector.Bytes[1] & 0x0F) << 8), signal.Cic);
        Assert.Equal(IsupSignalCodec.CarriesMessage(signal.Type), signal.Message is IsupMessage);
        if (signal.Message is IsupMessage message)
        {
            // Call control's message goes back out as it came: the bridge re-encodes it byte for byte.
            Assert.Equal(IsupMessage.Decode(vector.Bytes, IsupBodyForm.Mtp3UserData), message);
            Assert.Equal(vector.Bytes, SignalAssert.Encode(in signal));
        }
    }

    [Theory]
    [MemberData(nameof(MalformedVectors))]
    public void Every_vector_wireshark_finds_malformed_is_refused(string name)
    {
        IsupSignalResult result = IsupSignalCodec.TryDecode(IsupVectors.Get(name).Bytes, out IsupSignal signal);
        Assert.Equal(IsupSignalError.Malformed, result.Error);
        Assert.NotEqual(IsupError.None, result.CodecError);
        Assert.Equal(default(IsupMessageType), signal.Type);
    }

    [Fact]
    public void Rel_gives_its_cause()
    {
        // Cause indicators 83 9f: ITU-T, transit network, cause 31 (Wireshark: "Normal, unspecified").
        IsupSignal rel = Decode("jss7_REL");
        Assert.Equal(IsupMessageType.REL, rel.Type);
        Assert.Equal(new IsupCause(31, CauseLocation.TransitNetwork), rel.Cause);
        Assert.IsType<IsupMessage>(rel.Message);
    }

    [Fact]
    public void Rlc_without_cause_has_none()
    {
        IsupSignal rlc = Decode("jss7_RLC");
        Assert.Equal(IsupMessageType.RLC, rlc.Type);
        Assert.False(rlc.Cause.IsPresent);
        Assert.Null(rlc.Message);
    }

    [Theory]
    [InlineData("jss7_BLO", IsupMessageType.BLO)]
    [InlineData("jss7_BLA", IsupMessageType.BLA)]
    [InlineData("jss7_UBL", IsupMessageType.UBL)]
    [InlineData("jss7_UBA", IsupMessageType.UBA)]
    [InlineData("jss7_RSC", IsupMessageType.RSC)]
    [InlineData("jss7_UCIC", IsupMessageType.UCIC)]
    public void Circuit_messages_are_their_type_and_cic(string name, IsupMessageType type)
    {
        IsupSignal signal = Decode(name);
        Assert.Equal(type, signal.Type);
        Assert.Equal(Cic, signal.Cic);
        Assert.Null(signal.Message);
        Assert.Equal(ParameterCompatibilityAction.None, signal.ParameterCompatibility);
    }

    [Fact]
    public void Grs_and_cqm_give_their_range()
    {
        // Wireshark shows range + 1: "Range: 2" is range code 1.
        Assert.Equal(1, Decode("jss7_GRS").Range);
        Assert.Equal(2, Decode("jss7_GRS").CircuitCount);
        Assert.Equal(1, Decode("jss7_CQM").Range);
    }

    [Fact]
    public void Gra_gives_its_range_and_status()
    {
        IsupSignal gra = Decode("jss7_GRA");
        Assert.Equal(1, gra.Range);
        Assert.Equal(CircuitStatusBits.None.With(1), gra.Status); // "Bit: 2 bit 1"
    }

    [Theory]
    [InlineData("jss7_CGB", IsupMessageType.CGB, 4, new[] { 1 })]
    [InlineData("jss7_CGB_testTwo_Params", IsupMessageType.CGB, 10, new[] { 1, 8, 9 })]
    [InlineData("jss7_CGUA", IsupMessageType.CGUA, 10, new[] { 1, 8, 9 })]
    // Status octets 02 03 04 for range 17: the bit of 0x04 in the third octet is circuit 18, past the range (spare).
    [InlineData("jss7_CGBA", IsupMessageType.CGBA, 17, new[] { 1, 8, 9 })]
    [InlineData("jss7_CGU", IsupMessageType.CGU, 17, new[] { 1, 8, 9 })]
    public void Group_supervision_gives_type_range_and_status(string name, IsupMessageType type, int range, int[] bits)
    {
        IsupSignal signal = Decode(name);
        Assert.Equal(type, signal.Type);
        Assert.Equal(CircuitGroupSupervisionType.HardwareFailureOriented, signal.SupervisionType);
        Assert.Equal(range, signal.Range);
        var expected = CircuitStatusBits.None;
        foreach (int bit in bits)
        {
            expected = expected.With(bit);
        }

        Assert.Equal(expected, signal.Status);
    }

    [Fact]
    public void Cqr_gives_its_range_and_the_states_it_carries()
    {
        // jSS7's CQR says range 1 but carries three states (Wireshark shows all three): the procedures only report a
        // CQR, so it is carried as it came rather than refused.
        IsupSignal cqr = Decode("jss7_CQR");
        Assert.Equal(1, cqr.Range);
        Assert.Equal(new byte[] { 0x01, 0x02, 0x03 }, cqr.CircuitStates.ToArray());
    }

    [Theory]
    [InlineData("jss7_SUS", IsupMessageType.SUS)]
    [InlineData("jss7_RES", IsupMessageType.RES)]
    public void Suspend_and_resume_say_network_initiated_and_carry_the_message(string name, IsupMessageType type)
    {
        IsupSignal signal = Decode(name);
        Assert.Equal(type, signal.Type);
        Assert.True(signal.NetworkInitiated); // suspend/resume indicators 0x01
        Assert.IsType<IsupMessage>(signal.Message);
    }

    [Fact]
    public void Iam_carries_its_decoded_message_with_the_called_number()
    {
        IsupSignal iam = Decode("jss7_IAM");
        IsupMessage message = Assert.IsType<IsupMessage>(iam.Message);
        Assert.Equal(Cic, message.Cic);
        Assert.True(message.TryGet(out CalledPartyNumber called));
        Assert.False(string.IsNullOrEmpty(called.Digits));
        Assert.Equal(0x73, Decode("jss7_IAM_trace").Cic);
    }

    [Theory]
    [InlineData("jss7_IDR", IsupMessageType.IDR)]
    [InlineData("jss7_IRS", IsupMessageType.IRS)]
    [InlineData("jss7_LPP", IsupMessageType.LOP)]
    [InlineData("jss7_NRM", IsupMessageType.NRM)]
    [InlineData("jss7_SGM", IsupMessageType.SGM)]
    public void Messages_the_procedures_do_not_implement_bring_their_message_compatibility_information(string name, IsupMessageType type)
    {
        // Message compatibility information 0x42: release call (bit B), pass on not possible: release (bit E 0).
        IsupSignal signal = Decode(name);
        Assert.Equal(type, signal.Type);
        Assert.True(signal.Compatibility.IsPresent);
        Assert.Equal(0x42, signal.Compatibility.InstructionIndicators);
        Assert.True(signal.Compatibility.ReleaseCall);
        Assert.False(signal.Compatibility.SendNotification);
    }

    [Theory]
    [InlineData("jss7_CCR")]
    [InlineData("jss7_LPA")]
    [InlineData("jss7_OLM")]
    [InlineData("jss7_FOT")]
    public void Messages_without_compatibility_information_say_so(string name)
    {
        Assert.False(Decode(name).Compatibility.IsPresent);
    }

    [Theory]
    [InlineData("jss7_UPT")]
    [InlineData("jss7_UPA")]
    public void Parameter_compatibility_information_alone_asks_nothing(string name)
    {
        // The UPT and UPA carry instructions for parameters they do not contain: nothing is unrecognised.
        IsupSignal signal = Decode(name);
        Assert.Equal(ParameterCompatibilityAction.None, signal.ParameterCompatibility);
        Assert.Equal(0, signal.UnrecognisedParameter);
    }

    private static IsupSignal Decode(string name) => SignalAssert.Decode(IsupVectors.Get(name).Bytes);
}
