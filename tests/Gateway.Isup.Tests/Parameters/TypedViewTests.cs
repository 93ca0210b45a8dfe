namespace Gateway.Isup.Tests.Parameters;

/// <summary>Each view reads the bit layout Q.763 gives its parameter and writes back what it read.</summary>
public sealed class TypedViewTests
{
    private static byte[] Bytes<T>(in T view)
        where T : struct, IIsupParameter<T>
    {
        byte[] value = new byte[view.EncodedLength];
        Assert.Equal(value.Length, view.Write(value));
        Assert.Equal(IsupError.None, IsupParameterRules.Check(T.Code, value));
        return value;
    }

    private static T Parse<T>(string hex)
        where T : struct, IIsupParameter<T>
    {
        Assert.True(T.TryParse(Convert.FromHexString(hex), out T view));
        Assert.Equal(hex, Convert.ToHexStringLower(Bytes(view)));
        return view;
    }

    [Fact]
    public void Called_party_number_with_st_and_operator_codes()
    {
        var number = Parse<CalledPartyNumber>("0310553041b001f0");
        Assert.Equal(("5503140B100F", NatureOfAddress.NationalNumber, NumberingPlan.Isdn, false, true, false), (number.Digits, number.NatureOfAddress, number.NumberingPlan, number.InternalNetworkNumberNotAllowed, number.HasEndOfPulsing, number.IsOdd));
        var odd = new CalledPartyNumber(NatureOfAddress.InternationalNumber, "441234f", internalNetworkNumberNotAllowed: true);
        Assert.Equal("8490442143" + "0f", Convert.ToHexStringLower(Bytes(odd)));
        Assert.Throws<ArgumentException>(() => new CalledPartyNumber(NatureOfAddress.Unknown, "12*3"));
    }

    [Fact]
    public void Calling_party_number_restricted_and_not_available()
    {
        var restricted = Parse<CallingPartyNumber>("83170121" + "03");
        Assert.Equal(("10123", AddressPresentation.Restricted, ScreeningIndicator.NetworkProvided, false),
            (restricted.Digits, restricted.Presentation, restricted.Screening, restricted.NumberIncomplete));
        var unavailable = new CallingPartyNumber(NatureOfAddress.Spare, "", AddressPresentation.AddressNotAvailable, ScreeningIndicator.NetworkProvided, NumberingPlan.Spare);
        Assert.Equal("000b", Convert.ToHexStringLower(Bytes(unavailable)));
        Assert.False(CallingPartyNumber.TryParse([0x83, 0x13], out _)); // odd with no digit octet
    }

    [Fact]
    public void Generic_redirecting_and_original_called_numbers()
    {
        var generic = Parse<GenericNumber>("06" + "03" + "15" + "0411");
        Assert.Equal((GenericNumber.AdditionalCallingPartyNumber, "4011", ScreeningIndicator.UserProvidedVerifiedAndPassed, AddressPresentation.Restricted), (generic.NumberQualifier, generic.Digits, generic.Screening, generic.Presentation));
        var redirecting = Parse<RedirectingNumber>("0314" + "1499227002");
        Assert.Equal(("4199220720", AddressPresentation.Restricted, NatureOfAddress.NationalNumber), (redirecting.Digits, redirecting.Presentation, redirecting.NatureOfAddress));
        var original = Parse<OriginalCalledNumber>("8310" + "2143" + "05");
        Assert.Equal(("12345", AddressPresentation.Allowed), (original.Digits, original.Presentation));
    }

    [Fact]
    public void Cause_with_recommendation_and_diagnostics()
    {
        var plain = Parse<CauseIndicators>("8290");
        Assert.Equal((16, 1, CauseLocation.PublicNetworkLocalUser, (byte?)null), ((int)plain.CauseValue, plain.CauseClass, plain.Location, plain.Recommendation));
        var full = Parse<CauseIndicators>("0380" + "e1" + "0d");
        Assert.Equal((97, CauseLocation.TransitNetwork, (byte?)0, "0d"), ((int)full.CauseValue, full.Location, full.Recommendation, Convert.ToHexStringLower(full.Diagnostics.Span)));
        Assert.False(CauseIndicators.TryParse([0x03, 0x80], out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CauseIndicators(128, CauseLocation.User));
    }

    [Fact]
    public void Forward_and_backward_call_indicators()
    {
        var fci = Parse<ForwardCallIndicators>("6001");
        Assert.Equal((IsupPreference.NotRequiredAllTheWay, true, false, true, SccpMethod.NoIndication), (fci.IsupPreference, fci.IsupUsedAllTheWay, fci.InterworkingEncountered, fci.OriginatingAccessIsdn, fci.SccpMethod));
        var built = new ForwardCallIndicators { InternationalCall = true, EndToEndMethod = EndToEndMethod.Sccp, PortedNumberTranslated = true, QueryOnReleaseAttempt = true };
        Assert.Equal("0530", Convert.ToHexStringLower(Bytes(built)));

        var bci = Parse<BackwardCallIndicators>("a69d");
        Assert.Equal((ChargeIndicator.Charge, CalledPartyStatus.SubscriberFree, CalledPartyCategory.Payphone, EndToEndMethod.Sccp),
            (bci.Charge, bci.CalledPartyStatus, bci.CalledPartyCategory, bci.EndToEndMethod));
        Assert.Equal((true, false, true, true, true, false, SccpMethod.ConnectionOriented),
            (bci.InterworkingEncountered, bci.EndToEndInformationAvailable, bci.IsupUsedAllTheWay, bci.HoldingRequested, bci.TerminatingAccessIsdn, bci.EchoControlDeviceIncluded, bci.SccpMethod));
        var obci = Parse<OptionalBackwardCallIndicators>("9d");
        Assert.Equal((true, false, true, true, 9), (obci.InBandInformationAvailable, obci.CallDiversionMayOccur, obci.SimpleSegmentation, obci.MlppUser, obci.NationalUse));
    }

    [Fact]
    public void Single_octet_indicators()
    {
        var nci = Parse<NatureOfConnectionIndicators>("15");
        Assert.Equal((1, ContinuityCheck.Required, true), (nci.SatelliteCircuits, nci.ContinuityCheck, nci.EchoControlDeviceIncluded));
        Assert.Equal(CallingPartyCategoryValue.Payphone, Parse<CallingPartysCategory>("0f").Value);
        Assert.Equal(TransmissionMedium.Audio3k1, Parse<TransmissionMediumRequirement>("03").Value);
        var eventInfo = Parse<EventInformation>("81");
        Assert.Equal((EventIndicator.Alerting, true), (eventInfo.Indicator, eventInfo.PresentationRestricted));
        Assert.Equal(31, Parse<HopCounter>("1f").Value);
        Assert.Equal(2, Parse<AutomaticCongestionLevel>("02").Level);
        Assert.Equal(CircuitGroupSupervisionType.HardwareFailureOriented, Parse<CircuitGroupSupervisionMessageType>("01").Type);
        var uui = Parse<UserToUserIndicators>("9b");
        Assert.Equal((true, 1, 3, 0, true), (uui.IsResponse, uui.Service1, uui.Service2, uui.Service3, uui.NetworkDiscard));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HopCounter(32));
    }

    [Fact]
    public void Redirection_information()
    {
        var info = Parse<RedirectionInformation>("0321");
        Assert.Equal((RedirectingIndicator.Diverted, RedirectingReason.NoReply, 1, RedirectingReason.Unknown), (info.Indicator, info.Reason, (int)info.Counter, info.OriginalReason));
        Assert.True(RedirectionInformation.TryParse([0x13], out var first));
        Assert.Equal((RedirectingIndicator.Diverted, RedirectingReason.UserBusy, 0), (first.Indicator, first.OriginalReason, (int)first.Counter));
    }

    [Fact]
    public void Range_and_status_bits_are_per_circuit_from_the_low_bit()
    {
        var rs = Parse<RangeAndStatus>("0a" + "0503");
        Assert.Equal(11, rs.CircuitCount);
        Assert.Equal([true, false, true, false, false, false, false, false, true, true, false], Enumerable.Range(0, 11).Select(rs.IsSet));
        Assert.False(Parse<RangeAndStatus>("1f").HasStatus);
        Assert.False(RangeAndStatus.TryParse([0x0a, 0x05], out _)); // 11 circuits need 2 status octets
        Assert.Throws<ArgumentException>(() => new RangeAndStatus(8, new byte[1]));
    }

    [Fact]
    public void User_service_user_to_user_and_access_transport()
    {
        var usi = Parse<UserServiceInformation>("8090a3");
        Assert.Equal((0, 0, 0, 0x10, (byte?)3), ((int)usi.TransferCapability, usi.CodingStandard, usi.TransferMode, (int)usi.TransferRate, usi.Layer1Protocol));
        Assert.Equal("9090a2", Convert.ToHexStringLower(Bytes(new UserServiceInformation(0x10, 0x10, 2))));

        var uui = Parse<UserToUserInformation>("04" + "68656c6c6f");
        Assert.Equal((4, "hello"), ((int)uui.ProtocolDiscriminator, System.Text.Encoding.ASCII.GetString(uui.Information.Span)));
        Assert.False(UserToUserInformation.TryParse(new byte[130], out _));

        var at = Parse<AccessTransport>("a1" + "1e028288");
        Assert.True(at.TryGetProgressDescription(out int description));
        Assert.Equal(8, description);
        Assert.False(AccessTransport.TryParse([0x1e, 0x05, 0x82], out _));
    }

    [Fact]
    public void Views_come_out_of_messages_by_type()
    {
        var message = new IsupMessage(IsupMessageType.REL, 3).Add(new CauseIndicators(17, CauseLocation.User)).Add(new HopCounter(4));
        Assert.True(message.TryGet(out CauseIndicators cause));
        Assert.Equal(17, cause.CauseValue);
        Assert.True(message.Parameters[1].TryGet(out HopCounter hops));
        Assert.Equal(4, hops.Value);
        Assert.False(message.TryGet(out CalledPartyNumber _));
        Assert.False(message.Parameters[0].TryGet(out HopCounter _));
    }
}
