using System.Text;
using Gateway.Interworking;
using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Tests.Interworking.Mapping;

/// <summary>INFO ⇄ USR: an application/ISUP body (RFC 3204) and the User-to-User header (RFC 7433).</summary>
public sealed class InfoMappingTests
{
    private readonly CallMapping _mapping = new();

    private static SipMessage Info(IEnumerable<string> headers, byte[] body)
    {
        string head = string.Join("\r\n",
        [
            "INFO sip:gw@192.0.2.1 SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds",
            "Max-Forwards: 70",
            "To: <sip:30123456@gw.example.net;user=phone>;tag=a6c85cf",
            "From: <sip:alice@pbx.example.com>;tag=1928301774",
            "Call-ID: a84b4c76e66710@pbx.example.com",
            "CSeq: 314160 INFO",
            .. headers,
            $"Content-Length: {body.Length}",
        ]) + "\r\n\r\n";
        return SipText.Parse([.. Encoding.ASCII.GetBytes(head), .. body]);
    }

    private static SipMessage Info(IEnumerable<string> headers, string body = "") => Info(headers, Encoding.ASCII.GetBytes(body));

    /// <summary>The digest §5.5 worked example: USR with UUI = PD 0x04 (IA5) "hi", no optional part.</summary>
    private static readonly byte[] UsrBody = Convert.FromHexString("2D0200030468" + "69");

    [Fact]
    public void A_USR_becomes_an_INFO_with_an_application_ISUP_body_without_CIC()
    {
        var usr = new IsupMessage(IsupMessageType.USR, cic: 17).Add(new UserToUserInformation(0x04, "hi"u8));

        MappedInfo info = _mapping.InfoFromUsr(usr);

        Assert.Equal("application/ISUP;version=itu-t92+", info.ContentType);
        Assert.Equal(UsrBody, info.Body.ToArray());
        Assert.Equal(17, usr.Cic);
        Assert.Equal("signal;handling=optional", Assert.Single(info.Headers, h => h.Is("Content-Disposition")).Value);
        Assert.Equal("046869;encoding=hex", Assert.Single(info.Headers, h => h.Is("User-to-User")).Value);
    }

    [Fact]
    public void The_INFO_body_round_trips_USR_to_INFO_to_USR_with_the_same_bytes()
    {
        var usr = new IsupMessage(IsupMessageType.USR)
            .Add(new UserToUserInformation(0x00, Enumerable.Range(0, 128).Select(i => (byte)i).ToArray()))
            .AddOptional(IsupParameterCode.AccessTransport, new byte[] { 0x1E, 0x02, 0x81, 0x88 });
        MappedInfo mapped = _mapping.InfoFromUsr(usr);

        using SipMessage info = Info([$"Content-Type: {mapped.ContentType}", .. mapped.Headers.Select(h => $"{h.Name}: {h.Value}")], mapped.Body.ToArray());
        Assert.True(_mapping.TryUsrFromInfo(info, out IsupMessage back, out _));

        Assert.Equal(usr, back);
        Assert.Equal(mapped.Body.ToArray(), back.Encode());
        Assert.Null(back.Cic);
    }

    [Fact]
    public void The_ISUP_body_wins_over_the_User_to_User_header()
    {
        using SipMessage info = Info(["Content-Type: application/isup; version=itu-t92+; base=itu-t92+", "User-to-User: 04414243;encoding=hex"], UsrBody);
        Assert.True(_mapping.TryUsrFromInfo(info, out IsupMessage usr, out _));
        Assert.True(usr.TryGet(out UserToUserInformation uui));
        Assert.Equal("hi"u8.ToArray(), uui.Information.ToArray());
    }

    [Fact]
    public void A_User_to_User_header_alone_gives_a_USR()
    {
        using SipMessage info = Info(["User-to-User: 04414243;encoding=hex;purpose=isdn-uui"]);
        Assert.True(_mapping.TryUsrFromInfo(info, out IsupMessage usr, out _));
        Assert.Equal(IsupMessageType.USR, usr.Type);
        Assert.Equal(Convert.FromHexString("2D020004" + "04414243"), usr.Encode());
        Assert.True(usr.TryGet(out UserToUserInformation uui));
        Assert.Equal(new byte[] { 0x04, 0x41, 0x42, 0x43 }, uui.Value.ToArray());
    }

    [Fact]
    public void An_ISUP_body_that_is_not_a_USR_falls_back_to_the_header()
    {
        byte[] cpg = new IsupMessage(IsupMessageType.CPG).Add(new EventInformation(EventIndicator.Progress)).Encode();
        using SipMessage info = Info(["Content-Type: application/ISUP;version=itu-t92+", "Content-Disposition: signal;handling=optional", "User-to-User: 0401;encoding=hex"], cpg);
        Assert.True(_mapping.TryUsrFromInfo(info, out IsupMessage usr, out _));
        Assert.True(usr.TryGet(out UserToUserInformation uui));
        Assert.Equal(new byte[] { 0x04, 0x01 }, uui.Value.ToArray());
    }

    [Fact]
    public void A_USR_inside_multipart_mixed_is_found()
    {
        byte[] body =
        [
            .. Encoding.ASCII.GetBytes("--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b1\r\nContent-Type: application/ISUP;version=itu-t92+\r\nContent-Disposition: signal;handling=optional\r\n\r\n"),
            .. UsrBody,
            .. Encoding.ASCII.GetBytes("\r\n--b1--\r\n"),
        ];
        using SipMessage info = Info(["Content-Type: multipart/mixed;boundary=b1"], body);
        Assert.True(_mapping.TryUsrFromInfo(info, out IsupMessage usr, out _));
        Assert.Equal(UsrBody, usr.Encode());
    }

    [Theory]
    [InlineData("Content-Disposition: signal;handling=optional", 200)]
    [InlineData("Content-Disposition: signal;handling=OPTIONAL", 200)]
    [InlineData("Content-Disposition: signal;handling=required", 415)]
    [InlineData("Content-Disposition: signal", 415)]
    [InlineData("X-No-Disposition: 1", 415)]
    public void A_body_we_cannot_use_is_ignored_when_optional_and_refused_when_required(string disposition, int expected)
    {
        using SipMessage info = Info(["Content-Type: application/ISUP;version=itu-t92+", disposition], new byte[] { 0x2D, 0x09 });
        Assert.False(_mapping.TryUsrFromInfo(info, out _, out int status));
        Assert.Equal(expected, status);
    }

    [Fact]
    public void An_INFO_of_another_type_with_optional_handling_is_answered_200()
    {
        using SipMessage info = Info(["Content-Type: application/dtmf-relay", "Content-Disposition: render;handling=optional"], "Signal=5\r\nDuration=160\r\n");
        Assert.False(_mapping.TryUsrFromInfo(info, out _, out int status));
        Assert.Equal(200, status);
    }

    [Fact]
    public void An_INFO_without_body_or_header_is_answered_200()
    {
        using SipMessage info = Info([]);
        Assert.False(_mapping.TryUsrFromInfo(info, out _, out int status));
        Assert.Equal(200, status);
    }

    [Fact]
    public void The_body_version_and_base_are_configurable()
    {
        var mapping = new CallMapping(new CallMappingOptions { IsupBodyVersion = "etsi356", IsupBodyBase = "etsi356" });
        MappedInfo info = mapping.InfoFromUsr(new IsupMessage(IsupMessageType.USR).Add(new UserToUserInformation(0x04, "x"u8)));
        Assert.Equal("application/ISUP;version=etsi356;base=etsi356", info.ContentType);
        Assert.True(MediaType.TryParse(Encoding.ASCII.GetBytes(info.ContentType), out MediaType? type));
        Assert.Equal("etsi356", type.Version);
    }

    [Fact]
    public void Only_a_USR_becomes_an_INFO() =>
        Assert.Throws<ArgumentException>(() => _mapping.InfoFromUsr(new IsupMessage(IsupMessageType.CPG)));
}
