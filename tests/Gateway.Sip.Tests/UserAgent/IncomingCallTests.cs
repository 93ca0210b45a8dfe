using Gateway.Sip.Tests.Stack;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>
/// The user agent as the callee (UAS), in virtual time, against a scripted caller: the 2xx retransmitted until its ACK
/// (RFC 3261 §13.3.1.4) or given up with BYE, requests inside the dialog, and what it answers without the application.
/// </summary>
public sealed class IncomingCallTests
{
    private static readonly byte[] OurSdp = "v=0\r\no=gw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 50000 RTP/AVP 8\r\n"u8.ToArray();

    /// <summary>The caller sends an INVITE which the application rings and answers at once; returns the 200.</summary>
    private static async Task<(PeerDialog Dialog, WireMessage Ok, SipCall Call)> AnsweredCall(UserAgentHarness harness, UdpPeer peer)
    {
        harness.Application.OnIncoming = call =>
        {
            call.Ring();
            call.Answer(OurSdp);
        };
        string callId = StackHarness.NewCallId();
        peer.Send(SipText.Invite(peer.Address, harness.Address, SipIdentifiers.NewBranch(), callId));
        Assert.Equal(180, (await peer.ReceiveAsync()).StatusCode);
        WireMessage ok = await peer.ReceiveAsync();
        Assert.Equal(200, ok.StatusCode);
        SipCall call = await harness.Application.NextIncoming();
        Assert.Equal(SipCallState.Answering, call.State);
        return (new PeerDialog(peer, harness.Address, callId, "alice-1", ok.To.Tag!), ok, call);
    }

    [Fact]
    public async Task The_200_is_resent_at_T1_doubling_to_T2_until_the_ACK_then_the_call_is_confirmed()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (dialog, ok, _) = await AnsweredCall(harness, peer);
        Assert.Equal(OurSdp, System.Text.Encoding.ASCII.GetBytes(ok.Body));
        Assert.StartsWith($"<sip:gw@{harness.Address}", ok["Contact"]);

        // 0.5 s, then 1 s, 2 s, 4 s, and T2 = 4 s from then on.
        TimeSpan t1 = harness.Timers.T1;
        foreach (TimeSpan interval in new[] { t1, 2 * t1, 4 * t1, 8 * t1, harness.Timers.T2 })
        {
            harness.Time.Advance(interval - TimeSpan.FromMilliseconds(1));
            peer.AssertNothingReceived();
            harness.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(ok.Text, (await peer.ReceiveAsync()).Text);
        }

        peer.Send(dialog.Ack());
        var (name, ack) = await harness.Application.NextEvent();
        Assert.Equal(("confirmed", "ACK"), (name, ack.Method));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        peer.AssertNothingReceived();

        peer.Send(dialog.Request("BYE", "Reason: Q.850;cause=16;text=\"Normal call clearing\""));
        Assert.Equal((200, "BYE"), (await peer.ReceiveAsync() is var byeOk ? (byeOk.StatusCode, byeOk.CSeqMethod) : default));
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.RemoteHangup, 16), (end.Kind, Assert.Single(end.Reasons).Cause));
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_confirmed_call_lets_its_INVITE_go_when_the_transaction_ends_and_still_answers_in_its_dialog()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        harness.Application.OnIncoming = call =>
        {
            call.Ring();
            call.Answer(OurSdp);
        };
        string callId = StackHarness.NewCallId();
        byte[] invite = SipText.Invite(peer.Address, harness.Address, SipIdentifiers.NewBranch(), callId);
        peer.Send(invite);
        Assert.Equal(180, (await peer.ReceiveAsync()).StatusCode);
        WireMessage ok = await peer.ReceiveAsync();
        SipCall call = await harness.Application.NextIncoming();
        var dialog = new PeerDialog(peer, harness.Address, callId, "alice-1", ok.To.Tag!);

        // Over UDP the INVITE's transaction ends at the 2xx: the stack keeps its key as bytes for RFC 6026 Timer L, and
        // the call lets the request go as soon as the ACK confirms it.
        peer.Send(dialog.Ack());
        Assert.Equal("confirmed", (await harness.Application.NextEvent()).Event);
        Assert.Null(call.Invite);
        Assert.Equal(1, harness.Agent.Stack.TransactionCount);

        // Until Timer L a retransmitted INVITE is absorbed: no response, no second call.
        peer.Send(invite);
        await UdpBarrier.WaitAsync(harness.Agent.Stack.UdpEndPoint!);
        Assert.Equal(0, peer.Available);
        Assert.False(harness.Application.Incoming.Reader.TryRead(out _));
        harness.Time.Advance(harness.Timers.TransactionTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal(0, harness.Agent.Stack.TransactionCount);

        peer.Send(dialog.Request("OPTIONS"));
        Assert.Equal((200, "OPTIONS"), (await peer.ReceiveAsync() is var optionsOk ? (optionsOk.StatusCode, optionsOk.CSeqMethod) : default));
        Assert.True(call.Hangup("Q.850;cause=16"));
        WireMessage bye = await peer.ReceiveAsync();
        Assert.Equal(("BYE", dialog.CallId), (bye.Method, bye["Call-ID"]));
        peer.Send(SipText.Response(bye, 200, "OK"));
        Assert.Equal(SipCallEndKind.LocalHangup, (await harness.Application.NextEnd()).Kind);
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task Without_an_ACK_for_64_T1_the_call_is_ended_with_BYE()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (dialog, ok, _) = await AnsweredCall(harness, peer);

        int retransmissions = 0;
        WireMessage message;
        while (true)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            if (peer.Available == 0)
            {
                continue;
            }

            message = await peer.ReceiveAsync();
            if (!message.IsRequest)
            {
                retransmissions++;
                continue;
            }

            break;
        }

        // 0.5, 1.5, 3.5, 7.5, then every 4 s up to 31.5: ten re-sends; at 32 s (64·T1) the BYE.
        Assert.Equal(10, retransmissions);
        Assert.Equal("BYE", message.Method);
        Assert.Equal($"sip:alice@{peer.Address}", message.RequestUri);
        Assert.Equal(dialog.RemoteTag, NameAddressTag(message["From"]!));
        peer.Send(SipText.Response(message, 200, "OK"));
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal(SipCallEndKind.NoAck, end.Kind);
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_hangup_before_the_ACK_waits_for_it()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (dialog, _, call) = await AnsweredCall(harness, peer);
        Assert.True(call.Hangup("Q.850;cause=16"));
        peer.AssertNothingReceived();

        peer.Send(dialog.Ack());
        WireMessage bye = await peer.ReceiveAsync();
        Assert.Equal(("BYE", "Q.850;cause=16"), (bye.Method, bye["Reason"]));
        peer.Send(SipText.Response(bye, 200, "OK"));
        Assert.Equal(SipCallEndKind.LocalHangup, (await harness.Application.NextEnd()).Kind);
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task Requests_inside_the_dialog_are_answered_and_the_session_is_kept()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (dialog, _, _) = await AnsweredCall(harness, peer);
        peer.Send(dialog.Ack());
        Assert.Equal("confirmed", (await harness.Application.NextEvent()).Event);

        peer.Send(dialog.Request("INFO", "Content-Type: application/isup;version=itu-t92+", "USR"));
        Assert.Equal(200, (await peer.ReceiveAsync()).StatusCode);
        var (name, info) = await harness.Application.NextEvent();
        Assert.Equal(("info", "USR"), (name, info.Body));

        peer.Send(dialog.Request("OPTIONS"));
        WireMessage options = await peer.ReceiveAsync();
        Assert.Equal(200, options.StatusCode);
        Assert.Contains("INFO", options["Allow"]);

        // A re-INVITE with a new offer: 200 with our SDP as it was, re-sent until its own ACK.
        peer.Send(dialog.Request("INVITE", "Content-Type: application/sdp", SipText.Sdp, cseq: 10));
        WireMessage reinviteOk = await LastFinal(peer);
        Assert.Equal((200, "INVITE"), (reinviteOk.StatusCode, reinviteOk.CSeqMethod));
        Assert.Equal(OurSdp, System.Text.Encoding.ASCII.GetBytes(reinviteOk.Body));
        harness.Time.Advance(harness.Timers.T1);
        Assert.Equal(reinviteOk.Text, (await peer.ReceiveAsync()).Text);
        peer.Send(dialog.Ack(10));
        await UdpBarrier.WaitAsync(harness.Agent.Stack.UdpEndPoint!);
        harness.Time.Advance(TimeSpan.FromSeconds(40));
        peer.AssertNothingReceived();

        peer.Send(dialog.Request("UPDATE", "Content-Type: application/sdp", SipText.Sdp, cseq: 11));
        WireMessage updateOk = await peer.ReceiveAsync();
        Assert.Equal((200, "UPDATE"), (updateOk.StatusCode, updateOk.CSeqMethod));
        Assert.Equal(OurSdp, System.Text.Encoding.ASCII.GetBytes(updateOk.Body));

        // RFC 3261 §12.2.2: lower than the last CSeq is out of order.
        peer.Send(dialog.Request("INFO", cseq: 5));
        Assert.Equal(500, (await peer.ReceiveAsync()).StatusCode);

        peer.Send(dialog.Request("BYE", cseq: 12));
        Assert.Equal(200, (await peer.ReceiveAsync()).StatusCode);
        Assert.Equal(SipCallEndKind.RemoteHangup, (await harness.Application.NextEnd()).Kind);

        // The dialog is gone.
        peer.Send(dialog.Request("BYE", cseq: 13));
        Assert.Equal(481, (await peer.ReceiveAsync()).StatusCode);
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task The_application_rejects_with_a_reason_and_the_peer_acks_hop_by_hop()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        harness.Application.OnIncoming = call => call.Reject(486, "Q.850;cause=17;text=\"User busy\"");
        peer.Send(SipText.Invite(peer.Address, harness.Address, SipIdentifiers.NewBranch(), StackHarness.NewCallId()));
        WireMessage busy = await peer.ReceiveAsync();
        Assert.Equal((486, "Q.850;cause=17;text=\"User busy\""), (busy.StatusCode, busy["Reason"]));
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.Rejected, 486, 17), (end.Kind, end.StatusCode, Assert.Single(end.Reasons).Cause));
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_cancel_ends_the_call_with_its_reason_and_a_BYE_in_the_early_dialog_gets_487()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        harness.Application.OnIncoming = call => call.Ring();

        byte[] invite = SipText.Invite(peer.Address, harness.Address, SipIdentifiers.NewBranch(), StackHarness.NewCallId());
        peer.Send(invite);
        WireMessage ringing = await peer.ReceiveAsync();
        peer.Send(SipText.HopByHop("CANCEL", new WireMessage(invite), new WireMessage(invite)["To"]!, "Reason: SIP ;cause=486 ;text=\"Busy Here\""));
        var answers = new[] { await peer.ReceiveAsync(), await peer.ReceiveAsync() }.Select(m => (m.StatusCode, m.CSeqMethod)).Order().ToArray();
        Assert.Equal([(200, "CANCEL"), (487, "INVITE")], answers);
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.Cancelled, 487, 486), (end.Kind, end.StatusCode, Assert.Single(end.Reasons).Cause));

        // The seeds' other early end: BYE in the early dialog (RFC 3261 §15.1.2).
        string callId = StackHarness.NewCallId();
        peer.Send(SipText.Invite(peer.Address, harness.Address, SipIdentifiers.NewBranch(), callId));
        string tag = (await peer.ReceiveAsync()).To.Tag!;
        peer.Send(new PeerDialog(peer, harness.Address, callId, "alice-1", tag).Request("BYE"));
        var byeAnswers = new[] { await peer.ReceiveAsync(), await peer.ReceiveAsync() }.Select(m => (m.StatusCode, m.CSeqMethod)).Order().ToArray();
        Assert.Equal([(200, "BYE"), (487, "INVITE")], byeAnswers);
        Assert.Equal(SipCallEndKind.RemoteHangup, (await harness.Application.NextEnd()).Kind);
        _ = ringing;
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task What_needs_no_application_is_answered_by_the_user_agent()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        string Out(string method, string extra = "") => $"""
            {method} sip:gw@{harness.Address} SIP/2.0
            Via: SIP/2.0/UDP {peer.Address};branch={SipIdentifiers.NewBranch()};rport
            Max-Forwards: 70
            From: <sip:alice@{peer.Address}>;tag=a
            To: <sip:gw@{harness.Address}>{extra}
            Call-ID: {StackHarness.NewCallId()}
            CSeq: 1 {method}
            """;

        peer.Send(SipText.Message(Out("OPTIONS")));
        WireMessage options = await peer.ReceiveAsync();
        Assert.Equal(200, options.StatusCode);
        Assert.Equal("INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE", options["Allow"]);
        Assert.Equal("application/sdp, application/isup, multipart/mixed", options["Accept"]);

        peer.Send(SipText.Message(Out("REGISTER")));
        WireMessage register = await peer.ReceiveAsync();
        Assert.Equal((405, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE"), (register.StatusCode, register["Allow"]));

        peer.Send(SipText.Message(Out("BYE")));
        Assert.Equal(481, (await peer.ReceiveAsync()).StatusCode);
        peer.Send(SipText.Message(Out("INFO", ";tag=nobody")));
        Assert.Equal(481, (await peer.ReceiveAsync()).StatusCode);

        peer.Send(SipText.Message(Out("OPTIONS") + "\nRequire: 100rel, timer"));
        WireMessage require = await peer.ReceiveAsync();
        Assert.Equal((420, "100rel, timer"), (require.StatusCode, require["Unsupported"]));

        byte[] noContact = SipText.Invite(peer.Address, harness.Address, SipIdentifiers.NewBranch(), StackHarness.NewCallId());
        peer.Send(new WireMessage(noContact).Text.Replace($"Contact: <sip:alice@{peer.Address}>\r\n", "") is var text ? System.Text.Encoding.UTF8.GetBytes(text) : []);
        WireMessage bad = await LastFinal(peer);
        Assert.Equal((400, "Bad Request - Missing or invalid Contact"), (bad.StatusCode, bad.ReasonPhrase));

        Assert.Equal(0, harness.Application.Incoming.Reader.Count);
        await harness.AssertCleanAsync();
    }

    /// <summary>The next final response, skipping a 100 Trying.</summary>
    private static async Task<WireMessage> LastFinal(UdpPeer peer)
    {
        while (true)
        {
            WireMessage message = await peer.ReceiveAsync();
            if (message.StatusCode >= 200)
            {
                return message;
            }
        }
    }

    private static string? NameAddressTag(string value) => NameAddress.TryParse(System.Text.Encoding.UTF8.GetBytes(value), out NameAddress? address) ? address.Tag : null;
}
