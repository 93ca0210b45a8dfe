using Gateway.Interworking;
using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Tests.Interworking.Mapping;

/// <summary>IAM → INVITE (RFC 3398 §8.2.1, RFC 3323/3325 for the caller's identity, RFC 7433 for user-to-user information).</summary>
public sealed class InviteMappingTests
{
    private readonly CallMapping _mapping = new();

    private static IsupMessage Iam(CalledPartyNumber called, CallingPartyNumber? calling = null, UserToUserInformation? uui = null)
    {
        var iam = new IsupMessage(IsupMessageType.IAM, cic: 5)
            .Add(new NatureOfConnectionIndicators(0))
            .Add(new ForwardCallIndicators(0x01, 0x01))
            .Add(new CallingPartysCategory(CallingPartyCategoryValue.OrdinarySubscriber))
            .Add(new TransmissionMediumRequirement(TransmissionMedium.Speech))
            .Add(called);
        if (calling is { } number)
        {
            iam.Add(number);
        }

        if (uui is { } information)
        {
            iam.Add(information);
        }

        return iam;
    }

    private static string? Header(MappedInvite invite, string name) => invite.Headers.FirstOrDefault(h => h.Is(name)).Value;

    [Fact]
    public void An_international_number_with_a_caller_who_may_be_shown()
    {
        IsupMessage iam = Iam(new CalledPartyNumber(NatureOfAddress.InternationalNumber, "4930123456F"),
            new CallingPartyNumber(NatureOfAddress.InternationalNumber, "4940111222"));

        MappedInvite invite = _mapping.BuildInvite(iam, "pbx.example.com:5070", "gw.example.net");

        Assert.Equal("sip:+4930123456@pbx.example.com:5070;user=phone", invite.RequestUri);
        Assert.Equal("<sip:+4930123456@pbx.example.com:5070;user=phone>", invite.To);
        Assert.Equal("<sip:+4940111222@gw.example.net;user=phone>", invite.From);
        Assert.Equal("<sip:+4940111222@gw.example.net;user=phone>", Header(invite, "P-Asserted-Identity"));
        Assert.Null(Header(invite, "Privacy"));
        Assert.Null(Header(invite, "User-to-User"));
        Assert.Equal("+4930123456", _mapping.CalledDigits(iam));
    }

    [Fact]
    public void The_URIs_we_write_parse_as_SIP_URIs_and_name_addresses()
    {
        IsupMessage iam = Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "30123456"),
            new CallingPartyNumber(NatureOfAddress.NationalNumber, "40111222", AddressPresentation.Restricted));
        MappedInvite invite = _mapping.BuildInvite(iam, "192.0.2.20", "gw.example.net");

        Assert.True(SipUri.TryParse(invite.RequestUri, out SipUri? uri));
        Assert.Equal("30123456", uri.TelephoneNumber);
        Assert.True(NameAddress.TryParse(System.Text.Encoding.UTF8.GetBytes(invite.From), out NameAddress? from));
        Assert.Equal("Anonymous", from.DisplayName);
        Assert.True(NameAddress.TryParse(System.Text.Encoding.UTF8.GetBytes(Header(invite, "P-Asserted-Identity")!), out NameAddress? pai));
        Assert.Equal("40111222", pai.Uri.TelephoneNumber);
    }

    [Fact]
    public void A_restricted_caller_gets_an_anonymous_From_a_PAI_and_Privacy_id()
    {
        IsupMessage iam = Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "30123456F"),
            new CallingPartyNumber(NatureOfAddress.NationalNumber, "40111222", AddressPresentation.Restricted));

        MappedInvite invite = _mapping.BuildInvite(iam, "pbx.example.com", "gw.example.net");

        Assert.Equal("sip:30123456@pbx.example.com;user=phone", invite.RequestUri);
        Assert.Equal("\"Anonymous\" <sip:anonymous@anonymous.invalid>", invite.From);
        Assert.Equal("<sip:40111222@gw.example.net;user=phone>", Header(invite, "P-Asserted-Identity"));
        Assert.Equal("id", Header(invite, "Privacy"));
    }

    [Theory]
    [InlineData(AddressPresentation.AddressNotAvailable)]
    [InlineData(AddressPresentation.Reserved)]
    public void A_caller_whose_address_is_not_available_is_anonymous_without_PAI(AddressPresentation presentation)
    {
        IsupMessage iam = Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "30123456"),
            new CallingPartyNumber(NatureOfAddress.Spare, "", presentation));
        MappedInvite invite = _mapping.BuildInvite(iam, "pbx.example.com", "gw.example.net");
        Assert.Equal("\"Anonymous\" <sip:anonymous@anonymous.invalid>", invite.From);
        Assert.Null(Header(invite, "P-Asserted-Identity"));
        Assert.Null(Header(invite, "Privacy"));
    }

    [Fact]
    public void No_calling_number_gives_an_anonymous_From()
    {
        MappedInvite invite = _mapping.BuildInvite(Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "30123456")), "pbx.example.com", "gw.example.net");
        Assert.Equal("\"Anonymous\" <sip:anonymous@anonymous.invalid>", invite.From);
        Assert.Empty(invite.Headers);
    }

    [Theory]
    [InlineData(ScreeningIndicator.UserProvidedNotVerified)]
    [InlineData(ScreeningIndicator.UserProvidedVerifiedAndFailed)]
    public void An_unscreened_number_is_shown_in_From_but_not_asserted(ScreeningIndicator screening)
    {
        IsupMessage iam = Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "30123456"),
            new CallingPartyNumber(NatureOfAddress.NationalNumber, "40111222", AddressPresentation.Allowed, screening));
        MappedInvite invite = _mapping.BuildInvite(iam, "pbx.example.com", "gw.example.net");
        Assert.Equal("<sip:40111222@gw.example.net;user=phone>", invite.From);
        Assert.Null(Header(invite, "P-Asserted-Identity"));
    }

    [Fact]
    public void The_IAM_s_user_to_user_information_becomes_a_hex_User_to_User_header()
    {
        IsupMessage iam = Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "30123456"), uui: new UserToUserInformation(0x04, "hi"u8));
        MappedInvite invite = _mapping.BuildInvite(iam, "pbx.example.com", "gw.example.net");
        string value = Assert.Single(invite.Headers, h => h.Is("User-to-User")).Value;
        Assert.Equal("046869;encoding=hex", value);
        Assert.True(UserToUserHeader.TryParse(System.Text.Encoding.UTF8.GetBytes(value), out UserToUserHeader? parsed));
        Assert.Equal(new byte[] { 0x04, 0x68, 0x69 }, parsed.Data!.Value.ToArray());
    }

    [Theory]
    [InlineData(NatureOfAddress.NationalNumber, "B21CF", "sip:*21%23@pbx.example.com;user=phone", "*21#")]
    [InlineData(NatureOfAddress.SubscriberNumber, "123456", "sip:123456@pbx.example.com;user=phone", "123456")]
    [InlineData(NatureOfAddress.Unknown, "0049301F", "sip:0049301@pbx.example.com;user=phone", "0049301")]
    public void Called_signals_become_a_SIP_user_part(NatureOfAddress nature, string signals, string requestUri, string routing)
    {
        IsupMessage iam = Iam(new CalledPartyNumber(nature, signals));
        Assert.Equal(requestUri, _mapping.BuildInvite(iam, "pbx.example.com", "gw.example.net").RequestUri);
        Assert.Equal(routing, _mapping.CalledDigits(iam));
    }

    [Fact]
    public void CalledDigits_of_an_IAM_without_digits_is_null()
    {
        Assert.Null(_mapping.CalledDigits(Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "F"))));
        Assert.Null(_mapping.CalledDigits(new IsupMessage(IsupMessageType.IAM)));
        Assert.Throws<ArgumentException>(() => _mapping.BuildInvite(Iam(new CalledPartyNumber(NatureOfAddress.NationalNumber, "")), "pbx.example.com", "gw.example.net"));
    }

    [Fact]
    public void Privacy_round_trip_SIP_to_ISUP_to_SIP_keeps_the_number_hidden()
    {
        using SipMessage sip = SipText.Invite("sip:30123456@gw.example.net;user=phone",
            "P-Asserted-Identity: <sip:+4940111222@pbx.example.com;user=phone>", "Privacy: id");
        Assert.True(_mapping.TryBuildIam(sip, out IsupMessage iam, out _));

        MappedInvite invite = _mapping.BuildInvite(iam, "pbx2.example.com", "gw.example.net");

        Assert.Equal("\"Anonymous\" <sip:anonymous@anonymous.invalid>", invite.From);
        Assert.Equal("<sip:+4940111222@gw.example.net;user=phone>", Header(invite, "P-Asserted-Identity"));
        Assert.Equal("id", Header(invite, "Privacy"));
    }
}
