using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip.Tests.Stack;

/// <summary>Requests over TCP (RFC 3261 §18.2.2): responses go back on the request's connection, or to the Via when it is gone.</summary>
public sealed class StreamTransportTests
{
    [Fact]
    public async Task Responses_to_a_request_over_TCP_go_back_on_its_connection_whatever_the_Via_port()
    {
        await using var h = new StackHarness();
        using var peer = TcpPeer.Connect(h.Tcp);
        string branch = StackHarness.NewBranch();

        // Port 9 (discard): nothing listens there; only the connection can carry the responses.
        byte[] inviteBytes = SipText.Invite(peer.Address, h.Address, branch, StackHarness.NewCallId(), via: $"SIP/2.0/TCP 127.0.0.1:9;branch={branch}");
        var invite = new WireMessage(inviteBytes);
        peer.Send(inviteBytes);
        ServerRequest request = await h.NextRequest();
        Assert.Equal(SipTransportProtocol.Tcp, request.Source.Transport);
        Assert.Equal(peer.EndPoint, request.Source.EndPoint);

        Assert.True(request.Respond(180));
        WireMessage ringing = await peer.ReceiveAsync();
        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal($"SIP/2.0/TCP 127.0.0.1:9;branch={branch}", ringing["Via"]); // same address as the source, no rport: unstamped

        Assert.True(request.Respond(486));
        WireMessage busy = await peer.ReceiveAsync();
        Assert.Equal(486, busy.StatusCode);

        // Over a reliable transport nothing is retransmitted; the ACK moves the transaction to Confirmed and ends it.
        peer.Send(SipText.HopByHop("ACK", invite, busy["To"]!));
        await peer.SyncAsync();
        Assert.False(h.User.Acks.Reader.TryRead(out _));
        Assert.Equal((request, SipTransactionEnd.Completed), await RecordingUser.Next(h.User.Ended));
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task When_the_requests_connection_is_gone_the_response_goes_on_a_new_connection_to_the_Via()
    {
        await using var h = new StackHarness();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int viaPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            string branch = StackHarness.NewBranch();
            ServerRequest request;
            using (var first = TcpPeer.Connect(h.Tcp))
            {
                first.Send(SipText.Message($"""
                    OPTIONS sip:{h.Address} SIP/2.0
                    Via: SIP/2.0/TCP 127.0.0.1:{viaPort};branch={branch}
                    Max-Forwards: 70
                    From: <sip:probe@127.0.0.1>;tag=t1
                    To: <sip:{h.Address}>
                    Call-ID: reconnect@test
                    CSeq: 3 OPTIONS
                    """));
                request = await h.NextRequest();
            }

            await request.Source.Connection!.Completion; // the stack saw the connection close
            Assert.True(request.Respond(200));

            using TcpPeer second = TcpPeer.Accepted(await listener.AcceptSocketAsync());
            WireMessage ok = await second.ReceiveAsync();
            Assert.Equal((200, "3 OPTIONS", branch), (ok.StatusCode, ok["CSeq"], ok.TopVia.Branch));
            await second.SyncAsync();
            await h.AssertCleanAsync();
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Pipelined_and_split_messages_on_one_connection_are_each_handled()
    {
        await using var h = new StackHarness();
        h.User.OnRequest = r => r.Respond(200);
        using var peer = TcpPeer.Connect(h.Tcp);
        byte[] one = Options(peer, h, "one@test");
        byte[] two = Options(peer, h, "two@test");
        byte[] both = [.. one, .. two];
        peer.Send(both[..(one.Length + 10)]);
        Assert.Equal("one@test", (await h.NextRequest()).CallId);
        peer.Send(both[(one.Length + 10)..]);
        Assert.Equal("two@test", (await h.NextRequest()).CallId);
        Assert.Equal("one@test", (await peer.ReceiveAsync())["Call-ID"]);
        Assert.Equal("two@test", (await peer.ReceiveAsync())["Call-ID"]);
        await peer.SyncAsync();
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task The_request_stays_readable_during_the_callback_even_when_its_response_ends_the_transaction_at_once()
    {
        await using var h = new StackHarness();
        string? readAfterResponding = null;
        bool endedInsideCallback = false;
        h.User.OnRequest = r =>
        {
            // Over TCP Timer J is zero: the 200 ends the non-INVITE transaction before Respond returns.
            Assert.True(r.Respond(200));
            endedInsideCallback = r.IsEnded;
            readAfterResponding = System.Text.Encoding.ASCII.GetString(r.Message.CallId);
        };
        using var peer = TcpPeer.Connect(h.Tcp);
        peer.Send(Options(peer, h, "readable@test"));
        Assert.Equal(200, (await peer.ReceiveAsync()).StatusCode);
        ServerRequest request = await h.NextRequest();
        Assert.True(endedInsideCallback);
        Assert.Equal("readable@test", readAfterResponding);
        Assert.Throws<ObjectDisposedException>(() => request.Message); // released once the callback returned
        await peer.SyncAsync();
        await h.AssertCleanAsync();
    }

    private static byte[] Options(TcpPeer peer, StackHarness h, string callId) => SipText.Message($"""
        OPTIONS sip:{h.Address} SIP/2.0
        Via: SIP/2.0/TCP {peer.Address};branch={StackHarness.NewBranch()}
        Max-Forwards: 70
        From: <sip:probe@{peer.Address}>;tag=p
        To: <sip:{h.Address}>
        Call-ID: {callId}
        CSeq: 1 OPTIONS
        """);
}
