using Gateway.Interworking;
using Gateway.Isup;
using Gateway.Sip;
using Gateway.Testing;

namespace Gateway.Tests.Interworking.Mapping;

/// <summary>INVITE → IAM (RFC 3398 §7.2.1, RFC 3323/3325 for the calling number, RFC 7433 for user-to-user information).</summary>
public sealed class IamMappingTests
{
    private const string PaiFrom = "P-Asserted-Identity: \"Alice\" <sip:+4940111222@pbx.example.com;user=phone>";

    private readonly CallMapping _mapping = new();

    private IsupMessage BuildIam(SipMessage invite, CallMapping? mapping = null)
    {
        Assert.True((mapping ?? _mapping).TryBuildIam(invite, out IsupMessage iam, out int refusal), "refused");
        Assert.Equal(0, refusal);
        return iam;
    }

    private static T Get<T>(IsupMessage message)
        where T : struct, IIsupParameter<T>
    {
        Assert.True(message.TryGet(out T parameter), typeof(T).Name);
        return parameter;
    }

    [Fact]
    public void The_sample_trunk_INVITE_gives_a_complete_IAM_without_CIC()
    {
        using SipMessage invite = SipText.Parse(SipSamples.InviteBytes());
        IsupMessage iam = BuildIam(invite);

        Assert.Equal(IsupMessageType.IAM, iam.Type);
        Assert.Null(iam.Cic);
        CalledPartyNumber called = Get<CalledPartyNumber>(iam);
        Assert.Equal(NatureOfAddress.InternationalNumber, called.NatureOfAddress);
        Assert.Equal(NumberingPlan.Isdn, called.NumberingPlan);
        Assert.Equal("4930123456F", called.Digits);
        CallingPartyNumber calling = Get<CallingPartyNumber>(iam);
        Assert.Equal(NatureOfAddress.InternationalNumber, calling.NatureOfAddress);
        Assert.Equal("4940111222", calling.Digits);
        Assert.Equal(AddressPresentation.Allowed, calling.Presentation);
        Assert.Equal(ScreeningIndicator.NetworkProvided, calling.Screening);
        Assert.Equal(CallingPartyCategoryValue.OrdinarySubscriber, Get<CallingPartysCategory>(iam).Value);
        Assert.Equal(TransmissionMedium.Speech, Get<TransmissionMediumRequirement>(iam).Value);

        NatureOfConnectionIndicators connection = Get<NatureOfConnectionIndicators>(iam);
        Assert.Equal(0, connection.SatelliteCircuits);
        Assert.Equal(ContinuityCheck.NotRequired, connection.ContinuityCheck);
        Assert.False(connection.EchoControlDeviceIncluded);

        ForwardCallIndicators forward = Get<ForwardCallIndicators>(iam);
        Assert.False(forward.InternationalCall);
        Assert.Equal(EndToEndMethod.None, forward.EndToEndMethod);
        Assert.True(forward.InterworkingEncountered);
        Assert.False(forward.IsupUsedAllTheWay);
        Assert.Equal(IsupPreference.NotRequiredAllTheWay, forward.IsupPreference);
        Assert.False(forward.OriginatingAccessIsdn);
        Assert.Equal(0x48, forward.Octet1);
        Assert.Equal(0x00, forward.Octet2);
        Assert.False(iam.Contains(IsupParameterCode.UserToUserInformation));
    }

    [Fact]
    public void The_IAM_encodes_and_decodes_back_to_the_same_parameters()
    {
        using SipMessage invite = SipText.Invite("sip:030123456@gw.example.net;user=phone", PaiFrom, "Privacy: id", "User-to-User: 04414243;encoding=hex");
        IsupMessage iam = BuildIam(invite);

        byte[] body = iam.Encode();
        IsupMessage decoded = IsupMessage.Decode(body, IsupBodyForm.ApplicationIsup);

        Assert.Equal(iam, decoded);
        Assert.Equal(body, decoded.Encode());
        Assert.Equal("030123456F", Get<CalledPartyNumber>(decoded).Digits);
        Assert.Equal(AddressPresentation.Restricted, Get<CallingPartyNumber>(decoded).Presentation);
        Assert.Equal(new byte[] { 0x04, 0x41, 0x42, 0x43 }, Get<UserToUserInformation>(decoded).Value.ToArray());
    }

    [Fact]
    public void Tshark_decodes_the_IAM_without_defect_and_reads_our_values()
    {
        using SipMessage invite = SipText.Invite("tel:+4930123456", PaiFrom, "Privacy: id", "User-to-User: 04414243;encoding=hex");
        IsupMessage iam = BuildIam(invite);
        iam.Cic = 7;

        var frame = Tshark.DecodeIsupOverMtp3([iam.Encode()],
            "isup.message_type", "isup.called", "isup.calling", "isup.called_party_nature_of_address_indicator",
            "isup.address_presentation_restricted_indicator", "isup.screening_indicator", "isup.transmission_medium_requirement",
            "isup.calling_partys_category", "isup.forw_call_interworking_indicator", "isup.forw_call_preferences_indicator").Single();

        Assert.False(frame.Malformed, frame.ToString());
        Assert.True(frame.MaxSeverity < Tshark.Warning, frame.ToString());
        Assert.Equal(["1", "4930123456F", "4940111222", "4", "1", "3", "0", "0x0a", "1", "0x0001"], frame.Fields);
    }

    // ---- Called number ----

    [Theory]
    [InlineData("sip:+4930123456@gw.example.net;user=phone", NatureOfAddress.InternationalNumber, "4930123456")]
    [InlineData("tel:+49-30-123456", NatureOfAddress.InternationalNumber, "4930123456")]
    [InlineData("tel:030123456;phone-context=+49", NatureOfAddress.NationalNumber, "030123456")]
    [InlineData("sip:30123456@gw.example.net;user=phone", NatureOfAddress.NationalNumber, "30123456")]
    [InlineData("sip:30123456@gw.example.net", NatureOfAddress.NationalNumber, "30123456")]
    [InlineData("sip:*21#@gw.example.net;user=phone", NatureOfAddress.NationalNumber, "B21C")]
    [InlineData("sip:%2A21%23@gw.example.net", NatureOfAddress.NationalNumber, "B21C")]
    [InlineData("sip:(030)-123.456@gw.example.net;user=phone", NatureOfAddress.NationalNumber, "030123456")]
    public void The_called_number_comes_from_the_Request_URI(string requestUri, NatureOfAddress nature, string digits)
    {
        using SipMessage invite = SipText.Invite(requestUri);
        CalledPartyNumber called = Get<CalledPartyNumber>(BuildIam(invite));
        Assert.Equal(nature, called.NatureOfAddress);
        Assert.Equal(digits + "F", called.Digits);
        Assert.True(called.HasEndOfPulsing);
    }

    [Theory]
    [InlineData("030123456", NatureOfAddress.NationalNumber, "30123456", "30123456")]
    [InlineData("004930123456", NatureOfAddress.InternationalNumber, "4930123456", "+4930123456")]
    [InlineData("123456", NatureOfAddress.SubscriberNumber, "123456", "123456")]
    [InlineData("+0301", NatureOfAddress.InternationalNumber, "0301", "+0301")]
    public void Prefix_rules_strip_the_prefix_and_set_the_nature_of_address(string user, NatureOfAddress nature, string digits, string routing)
    {
        var mapping = new CallMapping(new CallMappingOptions
        {
            NumberPrefixRules = [new("00", NatureOfAddress.InternationalNumber), new("0", NatureOfAddress.NationalNumber)],
            DefaultNatureOfAddress = NatureOfAddress.SubscriberNumber,
            CalledNumberEndOfPulsing = false,
        });
        using SipMessage invite = SipText.Invite($"sip:{user}@gw.example.net;user=phone");

        CalledPartyNumber called = Get<CalledPartyNumber>(BuildIam(invite, mapping));
        Assert.Equal(nature, called.NatureOfAddress);
        Assert.Equal(digits, called.Digits);
        Assert.Equal(routing, mapping.CalledDigits(invite));
    }

    [Theory]
    [InlineData("sip:+4930123456@gw.example.net;user=phone", "+4930123456")]
    [InlineData("sip:030123456@gw.example.net;user=phone", "030123456")]
    [InlineData("sip:*21#@gw.example.net;user=phone", "*21#")]
    [InlineData("sip:alice@gw.example.net", null)]
    [InlineData("sip:gw.example.net", null)]
    public void CalledDigits_of_an_INVITE_is_the_normalised_number_or_null(string requestUri, string? digits)
    {
        using SipMessage invite = SipText.Invite(requestUri);
        Assert.Equal(digits, _mapping.CalledDigits(invite));
    }

    [Theory]
    [InlineData("sip:alice@gw.example.net")]
    [InlineData("sip:gw.example.net")]
    [InlineData("sip:+@gw.example.net;user=phone")]
    [InlineData("sip:12ab34@gw.example.net;user=phone")]
    [InlineData("tel:+")]
    [InlineData("sip:0@gw.example.net;user=phone")]
    public void An_INVITE_without_a_usable_called_number_is_refused_with_484(string requestUri)
    {
        var mapping = new CallMapping(new CallMappingOptions { NumberPrefixRules = [new("0", NatureOfAddress.NationalNumber)] });
        using SipMessage invite = SipText.Invite(requestUri);
        Assert.False(mapping.TryBuildIam(invite, out _, out int status));
        Assert.Equal(484, status);
        Assert.Null(mapping.CalledDigits(invite));
    }

    [Fact]
    public void A_dial_string_user_without_user_phone_is_refused_when_so_configured()
    {
        var mapping = new CallMapping(new CallMappingOptions { AcceptDialStringUser = false, NoCalledNumberStatus = 404 });
        using SipMessage invite = SipText.Invite("sip:30123456@gw.example.net");
        Assert.False(mapping.TryBuildIam(invite, out _, out int status));
        Assert.Equal(404, status);
    }

    // ---- Calling number and privacy ----

    [Fact]
    public void Without_PAI_the_calling_number_comes_from_From_as_user_provided()
    {
        using SipMessage invite = SipText.Request("INVITE", "sip:30123456@gw.example.net;user=phone", [], from: "\"Bob\" <sip:0401112@pbx.example.com;user=phone>;tag=9");
        CallingPartyNumber calling = Get<CallingPartyNumber>(BuildIam(invite));
        Assert.Equal("0401112", calling.Digits);
        Assert.Equal(NatureOfAddress.NationalNumber, calling.NatureOfAddress);
        Assert.Equal(ScreeningIndicator.UserProvidedVerifiedAndPassed, calling.Screening);
        Assert.Equal(AddressPresentation.Allowed, calling.Presentation);
    }

    [Fact]
    public void The_From_screening_is_configurable()
    {
        var mapping = new CallMapping(new CallMappingOptions { FromScreening = ScreeningIndicator.UserProvidedNotVerified });
        using SipMessage invite = SipText.Request("INVITE", "sip:30123456@gw.example.net;user=phone", [], from: "<tel:+4940111222>;tag=9");
        CallingPartyNumber calling = Get<CallingPartyNumber>(BuildIam(invite, mapping));
        Assert.Equal(ScreeningIndicator.UserProvidedNotVerified, calling.Screening);
        Assert.Equal(NatureOfAddress.InternationalNumber, calling.NatureOfAddress);
    }

    [Fact]
    public void PAI_wins_over_From_and_its_first_telephone_identity_is_taken()
    {
        using SipMessage invite = SipText.Request("INVITE", "sip:30123456@gw.example.net;user=phone",
            ["P-Asserted-Identity: <sip:alice@pbx.example.com>, <tel:+4940111222>"], from: "<sip:0999@pbx.example.com;user=phone>;tag=9");
        CallingPartyNumber calling = Get<CallingPartyNumber>(BuildIam(invite));
        Assert.Equal("4940111222", calling.Digits);
        Assert.Equal(ScreeningIndicator.NetworkProvided, calling.Screening);
    }

    [Theory]
    [InlineData("Privacy: id", AddressPresentation.Restricted)]
    [InlineData("Privacy: user", AddressPresentation.Restricted)]
    [InlineData("Privacy: id;critical", AddressPresentation.Restricted)]
    [InlineData("Privacy: header;user", AddressPresentation.Restricted)]
    [InlineData("Privacy: none", AddressPresentation.Allowed)]
    [InlineData("Privacy: header", AddressPresentation.Allowed)]
    [InlineData("Privacy: session", AddressPresentation.Allowed)]
    [InlineData("X-Nothing: 1", AddressPresentation.Allowed)]
    public void Privacy_id_or_user_restricts_presentation(string privacy, AddressPresentation presentation)
    {
        using SipMessage invite = SipText.Invite("sip:30123456@gw.example.net;user=phone", PaiFrom, privacy);
        CallingPartyNumber calling = Get<CallingPartyNumber>(BuildIam(invite));
        Assert.Equal(presentation, calling.Presentation);
        Assert.Equal("4940111222", calling.Digits);
    }

    [Fact]
    public void An_anonymous_caller_without_PAI_sends_no_calling_number()
    {
        using SipMessage invite = SipText.Request("INVITE", "sip:30123456@gw.example.net;user=phone", ["Privacy: id"],
            from: "\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=9");
        Assert.False(BuildIam(invite).Contains(IsupParameterCode.CallingPartyNumber));
    }

    // ---- Transmission medium requirement ----

    private const string SdpHead = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n";

    [Theory]
    [InlineData("m=audio 49170 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n", TransmissionMedium.Speech)]
    [InlineData("m=image 49172 udptl t38\r\n", TransmissionMedium.Audio3k1)]
    [InlineData("m=audio 0 RTP/AVP 8\r\nm=image 49172 udptl t38\r\n", TransmissionMedium.Audio3k1)]
    [InlineData("m=audio 49170 RTP/AVP 8\r\nm=image 49172 udptl t38\r\n", TransmissionMedium.Speech)]
    [InlineData("m=image 0 udptl t38\r\n", TransmissionMedium.Speech)]
    public void The_SDP_offer_chooses_speech_or_3_1_kHz_audio(string media, TransmissionMedium expected)
    {
        using SipMessage invite = SipText.Request("INVITE", "sip:30123456@gw.example.net;user=phone", ["Content-Type: application/sdp"], SdpHead + media);
        Assert.Equal(expected, Get<TransmissionMediumRequirement>(BuildIam(invite)).Value);
    }

    [Fact]
    public void A_fax_only_offer_inside_multipart_is_found()
    {
        string body = "--b1\r\nContent-Type: application/sdp\r\n\r\n" + SdpHead + "m=image 49172 udptl t38\r\n\r\n--b1--\r\n";
        using SipMessage invite = SipText.Request("INVITE", "sip:30123456@gw.example.net;user=phone", ["Content-Type: multipart/mixed;boundary=b1"], body);
        Assert.Equal(TransmissionMedium.Audio3k1, Get<TransmissionMediumRequirement>(BuildIam(invite)).Value);
    }

    // ---- User-to-user information ----

    [Theory]
    [InlineData("User-to-User: 04414243;encoding=hex", "04414243")]
    [InlineData("User-to-User: 56a390f3d2b7310023a2;encoding=hex;purpose=isdn-uui;content=isdn-uui", "56a390f3d2b7310023a2")]
    [InlineData("User-to-User: 0000;purpose=other, 0401;purpose=isdn-uui", "0401")]
    public void A_User_to_User_header_becomes_the_user_to_user_information(string header, string hex)
    {
        using SipMessage invite = SipText.Invite("sip:30123456@gw.example.net;user=phone", header);
        Assert.Equal(Convert.FromHexString(hex), Get<UserToUserInformation>(BuildIam(invite)).Value.ToArray());
    }

    [Theory]
    [InlineData("User-to-User: 0401;purpose=other")]
    [InlineData("User-to-User: xyz;encoding=hex")]
    public void An_unusable_User_to_User_header_is_left_out_without_failing_the_call(string header)
    {
        using SipMessage invite = SipText.Invite("sip:30123456@gw.example.net;user=phone", header);
        Assert.False(BuildIam(invite).Contains(IsupParameterCode.UserToUserInformation));
    }

    [Fact]
    public void The_IAM_options_are_applied()
    {
        var mapping = new CallMapping(new CallMappingOptions { EchoControlDeviceIncluded = true, CallingPartysCategory = CallingPartyCategoryValue.Payphone });
        using SipMessage invite = SipText.Invite("sip:30123456@gw.example.net;user=phone");
        IsupMessage iam = BuildIam(invite, mapping);
        Assert.True(Get<NatureOfConnectionIndicators>(iam).EchoControlDeviceIncluded);
        Assert.Equal(CallingPartyCategoryValue.Payphone, Get<CallingPartysCategory>(iam).Value);
    }
}
