using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>The stack as a UAS over UDP: new requests, 100 Trying, the TU's responses, retransmissions, ACKs.</summary>
public sealed class ServerTransactionTests
{
    [Fact]
    public async Task An_invite_gets_100_Trying_after_the_trying_delay_then_the_TUs_responses_with_the_stamped_Via_and_a_tag()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        string branch = StackHarness.NewBranch();
        string callId = StackHarness.NewCallId();
        byte[] invite = SipText.Invite(peer.Address, h.Address, branch, callId);

        peer.Send(invite);
        ServerRequest request = await h.NextRequest();
        Assert.True(request.IsInvite);
        Assert.Equal(callId, request.CallId);
        Assert.Equal("127.0.0.1", request.Received); // RFC 3581: received even though the sent-by is the source address
        Assert.Equal(peer.EndPoint.Port, request.Rport);
        string stampedVia = $"SIP/2.0/UDP {peer.Address};branch={branch};rport={peer.EndPoint.Port};received=127.0.0.1";
        Assert.Equal(stampedVia, request.ResponseVia);

        // The 100 Trying goes out when the TU has said nothing for the trying delay, not before.
        h.Time.Advance(h.Timers.TryingDelay - TimeSpan.FromTicks(1));
        peer.AssertNothingReceived();
        h.Time.Advance(TimeSpan.FromTicks(1));
        WireMessage trying = await peer.ReceiveAsync();
        Assert.Equal(100, trying.StatusCode);
        Assert.Equal("Trying", trying.ReasonPhrase);
        Assert.Equal([stampedVia], trying.Values("Via"));
        Assert.Null(trying.To.Tag);
        Assert.Equal("1 INVITE", trying["CSeq"]);
        Assert.Equal(callId, trying["Call-ID"]);
        Assert.Equal("\"Alice\" <sip:alice@" + peer.Address + ">;tag=alice-1", trying["From"]);

        Assert.True(request.Respond(180));
        WireMessage ringing = await peer.ReceiveAsync();
        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal("Ringing", ringing.ReasonPhrase);
        Assert.Equal([stampedVia], ringing.Values("Via"));
        Assert.Equal(request.LocalTag, ringing.To.Tag);
        Assert.Equal($"<sip:+4930123456@{h.Address}>;tag={request.LocalTag}", ringing["To"]);

        // A retransmitted INVITE is absorbed by the transaction, which re-sends the last provisional response.
        peer.Send(invite);
        WireMessage again = await peer.ReceiveAsync();
        Assert.Equal(ringing.Text, again.Text);
        Assert.False(h.User.Requests.Reader.TryRead(out _));

        byte[] sdp = Encoding.ASCII.GetBytes(SipText.Sdp.Replace("\n", "\r\n"));
        Assert.True(request.Respond(200, headers: [new("Contact", $"<sip:gw@{h.Address}>"), new("Content-Type", "application/sdp")], body: sdp));
        WireMessage ok = await peer.ReceiveAsync();
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(request.LocalTag, ok.To.Tag);
        Assert.Equal($"<sip:gw@{h.Address}>", ok["Contact"]);
        Assert.Equal(sdp.Length.ToString(), ok["Content-Length"]);
        Assert.Equal(SipText.Sdp.Replace("\n", "\r\n"), ok.Body);
        Assert.False(request.Respond(486)); // one final response

        // The TU retransmits its 2xx itself (RFC 3261 §13.3.1.4).
        Assert.True(request.RetransmitFinalResponse());
        Assert.Equal(ok.Text, (await peer.ReceiveAsync()).Text);

        // The ACK of the 2xx has a branch of its own: it matches no transaction and goes to the TU.
        var ackOf2xx = new WireMessageOrTemplate($"sip:+4930123456@{h.Address}", $"SIP/2.0/UDP {peer.Address};branch={StackHarness.NewBranch()}", trying["From"]!, callId, 1);
        peer.Send(SipText.HopByHop("ACK", ackOf2xx, ok["To"]!));
        (WireMessage ack, ServerRequest? matched) = await RecordingUser.Next(h.User.Acks);
        Assert.Equal("ACK", ack.Method);
        Assert.Null(matched);

        await h.AssertCleanAsync();
        Assert.Equal((request, SipTransactionEnd.Completed), await RecordingUser.Next(h.User.Ended));
        Assert.Throws<ObjectDisposedException>(() => request.Message);

        // The parsed headers and the stamped Via went with the message; what identifies the request stays for the TU's logs.
        Assert.Throws<ObjectDisposedException>(() => request.From);
        Assert.Throws<ObjectDisposedException>(() => request.ResponseVia);
        Assert.Equal(("INVITE", callId, 1), (request.Method, request.CallId, request.CSeq));
    }

    [Fact]
    public async Task A_sent_by_that_is_a_name_gets_received_and_the_response_goes_to_the_source_address_and_the_Via_port()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        string branch = StackHarness.NewBranch();
        peer.Send(SipText.Message($"""
            OPTIONS sip:{h.Address} SIP/2.0
            Via: SIP/2.0/UDP peer.example.com:{peer.EndPoint.Port};branch={branch}
            Max-Forwards: 70
            From: <sip:probe@peer.example.com>;tag=p1
            To: <sip:{h.Address}>
            Call-ID: {StackHarness.NewCallId()}
            CSeq: 9 OPTIONS
            """));
        ServerRequest request = await h.NextRequest();
        Assert.Equal("127.0.0.1", request.Received);
        Assert.Null(request.Rport);

        Assert.True(request.Respond(200, headers: [new("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS")]));
        WireMessage ok = await peer.ReceiveAsync();
        Assert.Equal($"SIP/2.0/UDP peer.example.com:{peer.EndPoint.Port};branch={branch};received=127.0.0.1", ok["Via"]);
        Assert.Equal("9 OPTIONS", ok["CSeq"]);
        Assert.Equal("INVITE, ACK, CANCEL, BYE, OPTIONS", ok["Allow"]);

        // A retransmitted non-INVITE request is answered from the transaction, the TU does not see it again.
        peer.Send(SipText.Message($"""
            OPTIONS sip:{h.Address} SIP/2.0
            Via: SIP/2.0/UDP peer.example.com:{peer.EndPoint.Port};branch={branch}
            Max-Forwards: 70
            From: <sip:probe@peer.example.com>;tag=p1
            To: <sip:{h.Address}>
            Call-ID: {ok["Call-ID"]}
            CSeq: 9 OPTIONS
            """));
        Assert.Equal(ok.Text, (await peer.ReceiveAsync()).Text);
        Assert.False(h.User.Requests.Reader.TryRead(out _));
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_completed_non_invite_answers_its_retransmissions_for_Timer_J_and_then_no_more()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        string branch = StackHarness.NewBranch();
        string callId = StackHarness.NewCallId();
        byte[] bye = SipText.Message($"""
            BYE sip:{h.Address} SIP/2.0
            Via: SIP/2.0/UDP {peer.Address};branch={branch}
            Max-Forwards: 70
            From: <sip:caller@{peer.Address}>;tag=p1
            To: <sip:{h.Address}>;tag=g1
            Call-ID: {callId}
            CSeq: 2 BYE
            """);
        peer.Send(bye);
        ServerRequest request = await h.NextRequest();
        Assert.True(request.Respond(200));
        WireMessage ok = await peer.ReceiveAsync();

        // Over UDP the stack keeps only the key and the 200 for Timer J: the transaction itself has ended for the TU,
        // and it is still counted until Timer J.
        Assert.Equal((request, SipTransactionEnd.Completed), await RecordingUser.Next(h.User.Ended));
        Assert.Equal(1, h.Stack.ServerTransactionCount);
        h.Time.Advance(h.Timers.TimerJ - TimeSpan.FromMilliseconds(1));
        peer.Send(bye);
        Assert.Equal(ok.Text, (await peer.ReceiveAsync()).Text);
        Assert.False(h.User.Requests.Reader.TryRead(out _));

        // After Timer J the same bytes are a new request.
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, h.Stack.ServerTransactionCount);
        peer.Send(bye);
        ServerRequest again = await h.NextRequest();
        Assert.NotSame(request, again);
        Assert.True(again.Respond(481));
        await peer.ReceiveAsync();
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task An_RFC_2543_invite_without_a_branch_is_matched_by_its_headers()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        string callId = StackHarness.NewCallId();
        byte[] invite = SipText.Invite(peer.Address, h.Address, branch: "", callId, via: $"SIP/2.0/UDP {peer.Address}");
        peer.Send(invite);
        ServerRequest request = await h.NextRequest();

        // Retransmitted before any provisional: the transaction quenches it with 100 Trying at once.
        peer.Send(invite);
        Assert.Equal(100, (await peer.ReceiveAsync()).StatusCode);
        Assert.False(h.User.Requests.Reader.TryRead(out _));

        Assert.True(request.Respond(486));
        WireMessage busy = await peer.ReceiveAsync();
        Assert.Equal(486, busy.StatusCode);
        Assert.Equal($"SIP/2.0/UDP {peer.Address}", busy["Via"]); // same address, no rport: nothing to stamp

        // The ACK (same Via, the response's To tag) is matched by Request-URI, From tag, Call-ID, CSeq, Via, To tag.
        var sent = new WireMessage(invite);
        peer.Send(SipText.HopByHop("ACK", sent, busy["To"]!));
        await AssertTuSawNothingBeforeMarker(h, peer);
        Assert.False(h.User.Acks.Reader.TryRead(out _));
        h.Time.Advance(h.Timers.T2);
        peer.AssertNothingReceived(); // Confirmed: the 486 is no longer retransmitted
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_TU_that_throws_on_a_request_gets_it_answered_500_so_that_its_transaction_ends()
    {
        await using var h = new StackHarness();
        h.User.OnRequest = _ => throw new InvalidOperationException("TU bug");
        using var peer = h.Peer();
        peer.Send(Options(peer, h, StackHarness.NewBranch()));
        WireMessage error = await peer.ReceiveAsync();
        Assert.Equal(500, error.StatusCode);
        Assert.Single(h.Logger.Matching("event=sip-tu-error callback=RequestReceived"));
        await h.AssertCleanAsync(userErrors: 1);
    }

    [Fact]
    public async Task After_a_2xx_an_ACK_with_the_INVITEs_branch_goes_to_the_TU_and_is_not_stray()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        (WireMessage invite, _, WireMessage ok) = await AnsweredInvite(h, peer);

        // The INVITE's transaction lingers as bytes for Timer L (RFC 6026 §8.7 Accepted): an ACK matching it goes up,
        // for the dialog to find (a client that reuses the INVITE's branch, against §17.1.1.3, is still served).
        peer.Send(SipText.HopByHop("ACK", invite, ok["To"]!));
        (WireMessage ack, _) = await RecordingUser.Next(h.User.Acks);
        Assert.Equal("1 ACK", ack["CSeq"]);
        Assert.Equal(0, h.Stack.Counters.StrayAcks);
        peer.AssertNothingReceived();
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_stray_ACK_with_no_transaction_goes_to_the_TU_and_nothing_is_sent()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var invite = new WireMessageOrTemplate($"sip:x@{h.Address}", $"SIP/2.0/UDP {peer.Address};branch={StackHarness.NewBranch()}", "<sip:a@x>;tag=1", StackHarness.NewCallId(), 4);
        peer.Send(SipText.HopByHop("ACK", invite, "<sip:x@y>;tag=2"));
        (WireMessage ack, ServerRequest? matched) = await RecordingUser.Next(h.User.Acks);
        Assert.Null(matched);
        Assert.Equal("4 ACK", ack["CSeq"]);
        Assert.Equal(1, h.Stack.Counters.StrayAcks);
        peer.AssertNothingReceived();
        await h.AssertCleanAsync();
    }

    /// <summary>An INVITE from <paramref name="peer"/>, answered 200 by the TU.</summary>
    internal static async Task<(WireMessage Invite, ServerRequest Request, WireMessage Ok)> AnsweredInvite(StackHarness h, UdpPeer peer)
    {
        byte[] inviteBytes = SipText.Invite(peer.Address, h.Address, StackHarness.NewBranch(), StackHarness.NewCallId());
        peer.Send(inviteBytes);
        ServerRequest request = await h.NextRequest();
        Assert.True(request.Respond(200, headers: [new("Contact", $"<sip:gw@{h.Address}>")]));
        return (new WireMessage(inviteBytes), request, await peer.ReceiveAsync());
    }

    internal static byte[] Options(UdpPeer peer, StackHarness h, string branch, string callId = "marker@test") => SipText.Message($"""
        OPTIONS sip:{h.Address} SIP/2.0
        Via: SIP/2.0/UDP {peer.Address};branch={branch};rport
        Max-Forwards: 70
        From: <sip:probe@{peer.Address}>;tag=probe
        To: <sip:{h.Address}>
        Call-ID: {callId}
        CSeq: 1 OPTIONS
        """);

    /// <summary>
    /// Sends an OPTIONS through the same socket and answers it: when its 200 is the next thing the peer receives, everything
    /// the peer sent before it has been handled (the UDP receive loop is sequential) and produced nothing on the wire.
    /// </summary>
    internal static async Task AssertTuSawNothingBeforeMarker(StackHarness h, UdpPeer peer)
    {
        string branch = StackHarness.NewBranch();
        peer.Send(Options(peer, h, branch));
        ServerRequest marker = await h.NextRequest();
        Assert.Equal("OPTIONS", marker.Method);
        Assert.Equal(branch, marker.TopVia.Branch);
        Assert.True(marker.Respond(200));
        WireMessage ok = await peer.ReceiveAsync();
        Assert.Equal((200, "1 OPTIONS"), (ok.StatusCode, ok["CSeq"]));
    }
}
