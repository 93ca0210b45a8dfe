using System.Net;
using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// The stack as a UAC: the Via it adds, retransmission in virtual time, the ACK of a 300–699, CANCEL only after a
/// provisional response, the CANCEL/2xx race, forked 2xx responses, 64·T1 after a CANCEL, stray responses.
/// </summary>
public sealed class ClientTransactionTests
{
    private const string Route = "<sip:proxy.example.net;lr>";
    private const string Reason = "Q.850;cause=16;text=\"Normal call clearing\"";

    [Fact]
    public async Task An_invite_over_UDP_carries_our_Via_is_retransmitted_in_virtual_time_and_its_answer_reaches_the_TU()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var client = new RecordingClient();
        OutgoingRequest invite = Invite(h, peer.EndPoint);
        ClientRequest sent = h.Stack.SendRequest(invite, client);
        Assert.Equal(SipTransportProtocol.Udp, sent.Transport);

        WireMessage first = await peer.ReceiveAsync();
        Assert.Equal(("INVITE", invite.RequestUri), (first.Method, first.RequestUri));
        Assert.Equal([$"SIP/2.0/UDP {h.Address};branch={sent.Branch};rport"], first.Values("Via"));
        Assert.StartsWith("z9hG4bK", sent.Branch);
        Assert.Equal(("70", invite.From, invite.To, invite.CallId, "1 INVITE"), (first["Max-Forwards"], first["From"], first["To"], first["Call-ID"], first["CSeq"]));
        Assert.Equal((invite.Contact, Route, "application/sdp"), (first["Contact"], first["Route"], first["Content-Type"]));
        Assert.Equal(Encoding.ASCII.GetString(invite.Body.Span), first.Body);

        // Timer A: T1, then doubling (RFC 3261 §17.1.1.2); the same bytes each time.
        h.Time.Advance(h.Timers.T1 - TimeSpan.FromTicks(1));
        peer.AssertNothingReceived();
        h.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(first.Text, (await peer.ReceiveAsync()).Text);
        h.Time.Advance(h.Timers.T1 * 2);
        Assert.Equal(first.Text, (await peer.ReceiveAsync()).Text);
        peer.AssertNothingReceived();

        peer.Send(SipText.Response(first, 180, "Ringing", toTag: "bob-1"));
        Assert.Equal(180, (await RecordingUser.Next(client.Responses)).StatusCode);
        Assert.True(sent.ProvisionalReceived);
        peer.Send(SipText.Response(first, 200, "OK", toTag: "bob-1", contact: $"<sip:bob@{peer.Address}>", body: SipText.Sdp));
        WireMessage ok = await RecordingUser.Next(client.Responses);
        Assert.Equal((200, "bob-1"), (ok.StatusCode, ok.To.Tag));
        Assert.Equal(200, sent.FinalStatusCode);
        // Answered, the INVITE is never sent again: its bytes, extra headers and body do not linger for Timer M.
        Assert.True(sent.Bytes.IsEmpty);
        Assert.Equal((0, true, invite.CallId, invite.CSeq), (sent.Request.Headers.Count, sent.Request.Body.IsEmpty, sent.Request.CallId, sent.Request.CSeq));

        // The ACK of a 2xx is the TU's (dialog layer): sent outside any transaction, with a branch of its own.
        ReadOnlyMemory<byte> ackBytes = h.Stack.SendAck(invite with { Method = "ACK", RequestUri = $"sip:bob@{peer.Address}", To = ok["To"]!, Contact = null, Headers = [], Body = default });
        WireMessage ack = await peer.ReceiveAsync();
        Assert.Equal(("ACK", "1 ACK", ok["To"]), (ack.Method, ack["CSeq"], ack["To"]));
        Assert.NotEqual(sent.Branch, ack.TopVia.Branch);
        h.Stack.SendRaw(ackBytes, peer.EndPoint, SipTransportProtocol.Udp); // re-sent for a retransmitted 2xx
        Assert.Equal(ack.Text, (await peer.ReceiveAsync()).Text);

        h.Time.Advance(h.Timers.T1 * 16);
        peer.AssertNothingReceived(); // no retransmission once answered
        await h.AssertCleanAsync();
        Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(client.Ended));
    }

    [Fact]
    public async Task A_486_is_ACKed_by_the_stack_with_every_header_RFC_3261_17_1_1_3_requires()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var client = new RecordingClient();
        ClientRequest sent = h.Stack.SendRequest(Invite(h, peer.EndPoint), client);
        WireMessage invite = await peer.ReceiveAsync();

        peer.Send(SipText.Response(invite, 100, "Trying"));
        Assert.Equal(100, (await RecordingUser.Next(client.Responses)).StatusCode);
        byte[] busyBytes = SipText.Response(invite, 486, "Busy Here", toTag: "busy-7");
        peer.Send(busyBytes);
        WireMessage ack = await peer.ReceiveAsync();
        WireMessage busy = new(busyBytes);

        Assert.Equal(("ACK", invite.RequestUri), (ack.Method, ack.RequestUri));
        Assert.Equal(invite.Values("Via"), ack.Values("Via"));       // the INVITE's single Via: same branch
        Assert.Equal(invite["From"], ack["From"]);
        Assert.Equal(busy["To"], ack["To"]);                            // the response's To, with its tag
        Assert.Equal("busy-7", ack.To.Tag);
        Assert.Equal(invite["Call-ID"], ack["Call-ID"]);
        Assert.Equal("1 ACK", ack["CSeq"]);                             // the INVITE's number, method ACK
        Assert.Equal(invite.Values("Route"), ack.Values("Route"));
        Assert.Equal(("70", "0"), (ack["Max-Forwards"], ack["Content-Length"]));
        Assert.Null(ack["Contact"]);
        Assert.Empty(ack.Body);

        WireMessage response = await RecordingUser.Next(client.Responses);
        Assert.Equal(486, response.StatusCode);

        // A retransmitted 486 is ACKed again by the transaction and not passed up again.
        peer.Send(busyBytes);
        Assert.Equal(ack.Text, (await peer.ReceiveAsync()).Text);
        await h.UdpBarrierAsync();
        Assert.False(client.Responses.Reader.TryRead(out _));
        Assert.Equal(486, sent.FinalStatusCode);
        Assert.False(sent.Cancel(Reason)); // nothing left to cancel
        await h.AssertCleanAsync();
        Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(client.Ended));
    }

    [Fact]
    public async Task A_cancel_waits_for_a_provisional_response_then_repeats_the_invites_identity_with_the_TUs_reason()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var client = new RecordingClient();
        ClientRequest sent = h.Stack.SendRequest(Invite(h, peer.EndPoint), client);
        WireMessage invite = await peer.ReceiveAsync();

        Assert.True(sent.Cancel(Reason));
        Assert.True(sent.CancelRequested);
        Assert.False(sent.CancelSent);
        Assert.False(sent.Cancel(Reason)); // once
        peer.AssertNothingReceived();      // RFC 3261 §9.1: not before a provisional response

        peer.Send(SipText.Response(invite, 180, "Ringing", toTag: "bob-2"));
        WireMessage cancel = await peer.ReceiveAsync();
        Assert.Equal(180, (await RecordingUser.Next(client.Responses)).StatusCode);
        Assert.True(sent.CancelSent);
        Assert.Equal(("CANCEL", invite.RequestUri), (cancel.Method, cancel.RequestUri));
        Assert.Equal(invite.Values("Via"), cancel.Values("Via"));
        Assert.Equal((invite["From"], invite["To"], invite["Call-ID"]), (cancel["From"], cancel["To"], cancel["Call-ID"]));
        Assert.Equal("1 CANCEL", cancel["CSeq"]);
        Assert.Equal(invite.Values("Route"), cancel.Values("Route"));
        Assert.Equal(Reason, cancel["Reason"]);
        Assert.Equal(("70", "0"), (cancel["Max-Forwards"], cancel["Content-Length"]));

        // The CANCEL's own 200 is the stack's business; the INVITE's 487 reaches the TU and is ACKed.
        peer.Send(SipText.Response(cancel, 200, "OK", toTag: "bob-2"));
        peer.Send(SipText.Response(invite, 487, "Request Terminated", toTag: "bob-2"));
        WireMessage ack = await peer.ReceiveAsync();
        Assert.Equal(("ACK", "1 ACK", "bob-2"), (ack.Method, ack["CSeq"], ack.To.Tag));
        Assert.Equal(487, (await RecordingUser.Next(client.Responses)).StatusCode);
        await h.AssertCleanAsync();
        Assert.False(client.Responses.Reader.TryRead(out _));
        Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(client.Ended));
    }

    [Fact]
    public async Task A_2xx_crossing_the_cancel_reaches_the_TU_which_then_ACKs_and_sends_BYE()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var client = new RecordingClient();
        OutgoingRequest request = Invite(h, peer.EndPoint);
        ClientRequest sent = h.Stack.SendRequest(request, client);
        WireMessage invite = await peer.ReceiveAsync();
        peer.Send(SipText.Response(invite, 183, "Session Progress", toTag: "bob-3"));
        Assert.Equal(183, (await RecordingUser.Next(client.Responses)).StatusCode);

        Assert.True(sent.Cancel("SIP;cause=487"));
        WireMessage cancel = await peer.ReceiveAsync();
        Assert.Equal("CANCEL", cancel.Method);

        // The callee answered before it saw the CANCEL: the 200 is passed up, the CANCEL gets 200 and changes nothing.
        peer.Send(SipText.Response(invite, 200, "OK", toTag: "bob-3", contact: $"<sip:bob@{peer.Address}>"));
        peer.Send(SipText.Response(cancel, 200, "OK", toTag: "bob-3"));
        WireMessage ok = await RecordingUser.Next(client.Responses);
        Assert.Equal((200, "1 INVITE"), (ok.StatusCode, ok["CSeq"]));

        // The race of RFC 3261 §9.1, as the dialog layer will resolve it: ACK the 2xx, then BYE.
        h.Stack.SendAck(request with { Method = "ACK", RequestUri = $"sip:bob@{peer.Address}", To = ok["To"]!, Contact = null, Headers = [], Body = default });
        Assert.Equal("ACK", (await peer.ReceiveAsync()).Method);
        var byeClient = new RecordingClient();
        h.Stack.SendRequest(request with { Method = "BYE", RequestUri = $"sip:bob@{peer.Address}", To = ok["To"]!, CSeq = 2, Contact = null, Headers = [], Body = default }, byeClient);
        WireMessage bye = await peer.ReceiveAsync();
        Assert.Equal(("BYE", "2 BYE"), (bye.Method, bye["CSeq"]));
        peer.Send(SipText.Response(bye, 200, "OK"));
        Assert.Equal(200, (await RecordingUser.Next(byeClient.Responses)).StatusCode);

        await h.AssertCleanAsync();
        Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(client.Ended));
        Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(byeClient.Ended));
    }

    [Fact]
    public async Task Forked_2xx_responses_all_reach_the_TU_and_one_after_the_transaction_ended_is_discarded()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var client = new RecordingClient();
        h.Stack.SendRequest(Invite(h, peer.EndPoint), client);
        WireMessage invite = await peer.ReceiveAsync();

        byte[] fork1 = SipText.Response(invite, 200, "OK", toTag: "fork-1", contact: "<sip:one@192.0.2.1>");
        byte[] fork2 = SipText.Response(invite, 200, "OK", toTag: "fork-2", contact: "<sip:two@192.0.2.2>");
        peer.Send(fork1);
        peer.Send(fork2);
        peer.Send(fork1); // a retransmission: the TU ACKs it again
        Assert.Equal("fork-1", (await RecordingUser.Next(client.Responses)).To.Tag);
        Assert.Equal("fork-2", (await RecordingUser.Next(client.Responses)).To.Tag);
        Assert.Equal("fork-1", (await RecordingUser.Next(client.Responses)).To.Tag);

        // Timer M ends the transaction (RFC 6026); a 2xx after that matches nothing and is discarded, only counted (§8.9).
        h.Time.Advance(h.Timers.TimerM);
        Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(client.Ended));
        peer.Send(fork2);
        await h.UdpBarrierAsync();
        Assert.Equal(1, h.Stack.Counters.StrayResponses);
        Assert.Equal(0, client.Responses.Reader.Count);
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task Over_UDP_a_completed_non_INVITE_ends_for_the_TU_at_once_and_its_key_absorbs_its_final_response_until_Timer_K()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var client = new RecordingClient();
        h.Stack.SendRequest(Invite(h, peer.EndPoint) with { Method = "OPTIONS", Contact = null, Headers = [], Body = default }, client);
        WireMessage options = await peer.ReceiveAsync();
        byte[] ok = SipText.Response(options, 200, "OK", toTag: "bob-4");
        peer.Send(ok);
        Assert.Equal(200, (await RecordingUser.Next(client.Responses)).StatusCode);

        // The TU hears the end with the response, not 5 s later; the stack keeps only the key (LingeringTransactions).
        Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(client.Ended));
        Assert.Equal(1, h.Stack.ClientTransactionCount);
        peer.Send(ok);
        await h.UdpBarrierAsync();
        Assert.Equal((0, 0L), (h.Stack.Counters.StrayResponses, h.Stack.LiveMessages));
        Assert.Equal(0, client.Responses.Reader.Count);

        // Timer K (T4) over, the key is gone: the same response is now stray.
        h.Time.Advance(h.Timers.TimerK);
        Assert.Equal(0, h.Stack.ClientTransactionCount);
        peer.Send(ok);
        await h.UdpBarrierAsync();
        Assert.Equal(1, h.Stack.Counters.StrayResponses);
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task Without_a_final_response_64_T1_after_the_cancel_the_invite_is_abandoned_and_the_TU_told()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var client = new RecordingClient();
        ClientRequest sent = h.Stack.SendRequest(Invite(h, peer.EndPoint), client);
        WireMessage invite = await peer.ReceiveAsync();
        peer.Send(SipText.Response(invite, 180, "Ringing", toTag: "mute"));
        Assert.Equal(180, (await RecordingUser.Next(client.Responses)).StatusCode);
        Assert.True(sent.Cancel(Reason));
        WireMessage cancel = await peer.ReceiveAsync();
        peer.Send(SipText.Response(cancel, 200, "OK", toTag: "mute"));
        await h.UdpBarrierAsync();

        h.Time.Advance(h.Timers.TransactionTimeout - TimeSpan.FromTicks(1));
        Assert.False(client.Ended.Reader.TryRead(out _));
        Assert.False(sent.IsEnded);
        h.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(SipTransactionEnd.CancelUnanswered, await RecordingUser.Next(client.Ended));
        Assert.True(sent.IsEnded);
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_request_larger_than_1300_bytes_goes_over_TCP_and_its_answer_comes_back_on_that_connection()
    {
        await using var h = new StackHarness();
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var remote = (IPEndPoint)listener.LocalEndpoint;
            var client = new RecordingClient();
            OutgoingRequest large = Invite(h, remote) with { Body = Encoding.ASCII.GetBytes(SipText.Sdp.Replace("\n", "\r\n") + "a=x-padding:" + new string('x', 1200) + "\r\n") };
            ClientRequest sent = h.Stack.SendRequest(large, client);
            Assert.Equal(SipTransportProtocol.Tcp, sent.Transport);
            Assert.True(sent.Bytes.Length > SipStack.MaxUdpRequestSize);

            using TcpPeer peer = TcpPeer.Accepted(await listener.AcceptSocketAsync());
            WireMessage invite = await peer.ReceiveAsync();
            Assert.Equal([$"SIP/2.0/TCP 127.0.0.1:{h.Tcp.Port};branch={sent.Branch};rport"], invite.Values("Via"));
            Assert.Equal(large.Body.Length, Encoding.ASCII.GetByteCount(invite.Body));

            peer.Send(SipText.Response(invite, 200, "OK", toTag: "tcp-1", contact: $"<sip:bob@{remote};transport=tcp>"));
            Assert.Equal(200, (await RecordingUser.Next(client.Responses)).StatusCode);

            // The ACK to the same peer over TCP reuses the connection.
            h.Stack.SendAck(large with { Method = "ACK", To = invite["To"] + ";tag=tcp-1", Transport = SipTransportProtocol.Tcp, Contact = null, Headers = [], Body = default });
            Assert.Equal("ACK", (await peer.ReceiveAsync()).Method);
            await peer.SyncAsync();
            await h.AssertCleanAsync();
            Assert.Equal(SipTransactionEnd.Completed, await RecordingUser.Next(client.Ended));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_connection_that_cannot_be_opened_is_a_transport_error_for_the_transaction()
    {
        await using var h = new StackHarness();
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var nobody = (IPEndPoint)closed.LocalEndpoint;
        closed.Stop();

        var client = new RecordingClient();
        h.Stack.SendRequest(Invite(h, nobody) with { Transport = SipTransportProtocol.Tcp }, client);
        Assert.Equal(SipTransactionEnd.TransportFailed, await RecordingUser.Next(client.Ended));
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_response_whose_Via_is_not_ours_is_discarded()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        peer.Send(SipText.Message($"""
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 192.0.2.99:5060;branch={StackHarness.NewBranch()}
            From: <sip:a@x>;tag=1
            To: <sip:b@y>;tag=2
            Call-ID: notours@test
            CSeq: 1 INVITE
            """));
        await h.UdpBarrierAsync();
        Assert.Equal((1, 0), (h.Stack.Counters.ResponsesDiscarded, h.Stack.Counters.StrayResponses));
        await h.AssertCleanAsync();
    }

    private static OutgoingRequest Invite(StackHarness h, IPEndPoint to) => new()
    {
        Method = "INVITE",
        RequestUri = $"sip:+4940123456@{to}",
        Destination = to,
        From = $"<sip:+4930111@{h.Address}>;tag=gw-1",
        To = $"<sip:+4940123456@{to}>",
        CallId = StackHarness.NewCallId(),
        CSeq = 1,
        Contact = $"<sip:gw@{h.Address}>",
        Headers = [new("Route", Route), new("Content-Type", "application/sdp")],
        Body = Encoding.ASCII.GetBytes(SipText.Sdp.Replace("\n", "\r\n")),
    };
}
