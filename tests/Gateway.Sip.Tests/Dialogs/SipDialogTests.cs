using System.Net;
using System.Text;

namespace Gateway.Sip.Tests.Dialogs;

public sealed class SipDialogTests
{
    private static SipMessage Parse(string text)
    {
        var result = SipParser.TryParse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")), out var message);
        Assert.True(result.IsComplete, result.ToString());
        return message!;
    }

    private const string Invite = """
        INVITE sip:+4930123@gw.example.net SIP/2.0
        Via: SIP/2.0/UDP p2.example.net;branch=z9hG4bKp2
        Via: SIP/2.0/UDP pbx.example.com:5070;branch=z9hG4bKpbx
        Record-Route: <sip:p2.example.net;lr>
        Record-Route: <sip:p1.example.net;lr>
        From: "Alice" <sip:alice@pbx.example.com>;tag=a1
        To: <sip:+4930123@gw.example.net>
        Call-ID: call-1@pbx.example.com
        CSeq: 10 INVITE
        Contact: <sip:alice@192.0.2.10:5070>
        Max-Forwards: 69
        Content-Length: 0


        """;

    /// <summary>The request line and the dialog's headers of the next request, as the stack would write them.</summary>
    private static string Written(SipDialog dialog, string method)
    {
        var request = dialog.CreateRequest(method, dialog.NextLocalSequence(), new IPEndPoint(IPAddress.Loopback, 5060), null);
        var text = new StringBuilder($"{request.Method} {request.RequestUri} SIP/2.0\r\n");
        foreach (var header in request.Headers) text.Append($"{header.Name}: {header.Value}\r\n");
        text.Append($"From: {request.From}\r\nTo: {request.To}\r\nCall-ID: {request.CallId}\r\nCSeq: {request.CSeq} {request.Method}\r\n");
        return text.ToString();
    }

    [Fact]
    public void A_uas_dialog_takes_its_parties_target_and_route_set_from_the_invite()
    {
        using var invite = Parse(Invite);
        var dialog = SipDialog.CreateAsUas(invite, "gw-tag", confirmed: false)!;

        Assert.Equal(new SipDialogId("call-1@pbx.example.com", "gw-tag", "a1"), dialog.Id);
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Equal("sip:alice@192.0.2.10:5070", dialog.RemoteTarget.ToString());
        Assert.Equal(["<sip:p2.example.net;lr>", "<sip:p1.example.net;lr>"], dialog.RouteSet.Select(r => r.ToString()));
        Assert.Equal(10u, dialog.RemoteSequence);

        dialog.Confirm();
        string bye = Written(dialog, "BYE");
        Assert.StartsWith("BYE sip:alice@192.0.2.10:5070 SIP/2.0\r\n" +
            "Route: <sip:p2.example.net;lr>\r\nRoute: <sip:p1.example.net;lr>\r\n" +
            "From: <sip:+4930123@gw.example.net>;tag=gw-tag\r\n" +
            "To: \"Alice\" <sip:alice@pbx.example.com>;tag=a1\r\n" +
            "Call-ID: call-1@pbx.example.com\r\nCSeq: 1 BYE\r\n", bye);
    }

    [Fact]
    public void A_uac_dialog_reverses_the_record_route_and_the_2xx_is_authoritative()
    {
        using var ringing = Parse("""
            SIP/2.0 180 Ringing
            Via: SIP/2.0/UDP gw.example.net;branch=z9hG4bKgw
            Record-Route: <sip:early.example.net;lr>
            From: <sip:gw@gw.example.net>;tag=g1
            To: <sip:bob@pbx.example.com>;tag=b1
            Call-ID: out-1@gw.example.net
            CSeq: 5 INVITE
            Contact: <sip:bob@192.0.2.20>
            Content-Length: 0


            """);
        NameAddress.TryParse("<sip:gw@gw.example.net>;tag=g1"u8, out var local);
        var dialog = SipDialog.CreateAsUac(ringing, local!, 5)!;
        Assert.Equal(SipDialogState.Early, dialog.State);
        Assert.Equal(new SipDialogId("out-1@gw.example.net", "g1", "b1"), dialog.Id);

        using var ok = Parse("""
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP gw.example.net;branch=z9hG4bKgw
            Record-Route: <sip:p2.example.net;lr>
            Record-Route: <sip:p1.example.net;lr>
            From: <sip:gw@gw.example.net>;tag=g1
            To: <sip:bob@pbx.example.com>;tag=b1
            Call-ID: out-1@gw.example.net
            CSeq: 5 INVITE
            Contact: <sip:bob@192.0.2.21>
            Content-Length: 0


            """);
        dialog.ConfirmByResponse(ok);
        Assert.True(dialog.IsConfirmed);
        Assert.Equal(["<sip:p1.example.net;lr>", "<sip:p2.example.net;lr>"], dialog.RouteSet.Select(r => r.ToString()));
        Assert.Equal("sip:bob@192.0.2.21", dialog.RemoteTarget.ToString());
        Assert.Contains("CSeq: 6 INFO\r\n", Written(dialog, "INFO"));
    }

    [Fact]
    public void A_strict_first_route_becomes_the_request_uri_and_the_target_the_last_route()
    {
        using var invite = Parse(Invite.Replace("<sip:p2.example.net;lr>", "<sip:strict.example.net>"));
        var dialog = SipDialog.CreateAsUas(invite, "t", confirmed: true)!;
        string bye = Written(dialog, "BYE");
        Assert.StartsWith("BYE sip:strict.example.net SIP/2.0\r\nRoute: <sip:p1.example.net;lr>\r\nRoute: <sip:alice@192.0.2.10:5070>\r\n", bye);
    }

    [Fact]
    public void Requests_out_of_order_are_refused_and_ack_and_cancel_are_not_counted()
    {
        using var invite = Parse(Invite);
        var dialog = SipDialog.CreateAsUas(invite, "t", confirmed: true)!;
        using var info11 = Parse(Invite.Replace("INVITE sip", "INFO sip").Replace("10 INVITE", "11 INFO"));
        using var info9 = Parse(Invite.Replace("INVITE sip", "INFO sip").Replace("10 INVITE", "9 INFO"));
        using var ack = Parse(Invite.Replace("INVITE sip", "ACK sip").Replace("10 INVITE", "10 ACK"));
        Assert.True(dialog.AcceptRemoteSequence(info11));
        Assert.Equal(11u, dialog.RemoteSequence);
        Assert.False(dialog.AcceptRemoteSequence(info9));
        Assert.True(dialog.AcceptRemoteSequence(ack));
        Assert.Equal(11u, dialog.RemoteSequence);
    }

    [Fact]
    public void Without_a_from_tag_or_a_contact_there_is_no_dialog()
    {
        using var noTag = Parse(Invite.Replace(";tag=a1", ""));
        using var noContact = Parse(Invite.Replace("Contact: <sip:alice@192.0.2.10:5070>\n", ""));
        Assert.Null(SipDialog.CreateAsUas(noTag, "t", confirmed: false));
        Assert.Null(SipDialog.CreateAsUas(noContact, "t", confirmed: false));
    }

    [Fact]
    public void An_ended_dialog_stays_ended()
    {
        using var invite = Parse(Invite);
        var dialog = SipDialog.CreateAsUas(invite, "t", confirmed: false)!;
        dialog.Terminate();
        dialog.Confirm();
        dialog.Terminate();
        Assert.True(dialog.IsTerminated);
    }
}
