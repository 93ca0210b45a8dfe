namespace Gateway.Isup.Tests.Codec;

/// <summary>
/// The worked encodings of the interworking digest (§1.1), built from typed values: the writer lays out pointers, the
/// end of optional parameters and the absence of an optional part exactly as Q.763 §1.7–1.8 describe.
/// </summary>
public sealed class WorkedExampleTests
{
    private static string Hex(IsupMessage m) => Convert.ToHexStringLower(m.Encode());

    [Fact]
    public void Release_cause_16_location_ln_on_cic_1()
    {
        var rel = new IsupMessage(IsupMessageType.REL, cic: 1).Add(new CauseIndicators(16, CauseLocation.PublicNetworkLocalUser));
        Assert.Equal("01000c02000282" + "90", Hex(rel));
    }

    [Fact]
    public void Iam_with_called_and_calling_party_numbers()
    {
        var iam = new IsupMessage(IsupMessageType.IAM)
            .Add(new NatureOfConnectionIndicators(0))
            .Add(new ForwardCallIndicators { InterworkingEncountered = true, IsupPreference = IsupPreference.NotRequiredAllTheWay })
            .Add(new CallingPartysCategory(CallingPartyCategoryValue.OrdinarySubscriber))
            .Add(new TransmissionMediumRequirement(TransmissionMedium.Audio3k1))
            .Add(new CalledPartyNumber(NatureOfAddress.InternationalNumber, "441234F"))
            .Add(new CallingPartyNumber(NatureOfAddress.InternationalNumber, "44987", screening: ScreeningIndicator.NetworkProvided));
        Assert.Equal("01" + "00" + "4800" + "0a" + "03" + "0208" + "06841044214" + "30f" + "0a058413448907" + "00", Hex(iam));
    }

    [Theory]
    [InlineData(IsupMessageType.ANM, "0900")]
    [InlineData(IsupMessageType.RLC, "1000")]
    [InlineData(IsupMessageType.BLO, "13")]
    [InlineData(IsupMessageType.RSC, "12")]
    public void Messages_without_parameters(IsupMessageType type, string hex) => Assert.Equal(hex, Hex(new IsupMessage(type)));

    [Fact]
    public void Acm_subscriber_free_interworking_no_optional_part_pointer_is_zero()
    {
        var acm = new IsupMessage(IsupMessageType.ACM).Add(new BackwardCallIndicators
        {
            Charge = ChargeIndicator.Charge,
            CalledPartyStatus = CalledPartyStatus.SubscriberFree,
            CalledPartyCategory = CalledPartyCategory.OrdinarySubscriber,
            InterworkingEncountered = true,
        });
        Assert.Equal("06160100", Hex(acm));
    }

    [Fact]
    public void Circuit_group_messages()
    {
        Assert.Equal("17010" + "11f", Hex(new IsupMessage(IsupMessageType.GRS).Add(new RangeAndStatus(31))));
        Assert.Equal("290105" + "1f00000000", Hex(new IsupMessage(IsupMessageType.GRA).Add(new RangeAndStatus(31, new byte[4]))));
        var cgb = new IsupMessage(IsupMessageType.CGB)
            .Add(new CircuitGroupSupervisionMessageType(CircuitGroupSupervisionType.MaintenanceOriented))
            .Add(RangeAndStatus.FromCircuits([true, true]));
        Assert.Equal("1800010201" + "03", Hex(cgb));
    }
}
