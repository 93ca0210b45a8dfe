using System.Buffers;
using System.Net.Sockets;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// Nothing a peer sends may throw out of the receive path, or leave a transaction or a pooled buffer behind: valid
/// messages of every kind the stack handles, damaged at random, are fed to it; the TU answers whatever reaches it; then
/// virtual time runs past every timer and nothing may be left. An exception the stack had to catch in its receive path
/// (logged as <c>event=sip-receive-error</c>) fails the test too.
/// </summary>
public sealed class ReceivePathPropertyTests
{
    [Fact]
    public async Task Damaged_datagrams_never_escape_the_receive_path_nor_leak_a_transaction_or_a_buffer()
    {
        await using var h = new StackHarness();
        h.User.OnRequest = r => r.Respond(500);
        using var peer = h.Peer();
        ClientRequest ours = h.Stack.SendRequest(Invite(h, peer), new RecordingClient());
        byte[][] seeds = Seeds(h, peer.Address, "UDP", ours);

        // Fed straight to the receiver the UDP listener calls, so that each case is handled before the next one starts.
        var receiver = (IDatagramReceiver)h.Stack;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(Damaged(seeds).ToArbitrary(), bytes =>
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
            bytes.CopyTo(buffer, 0);
            receiver.DatagramReceived(h.Stack.Transports.Udp!, peer.EndPoint, buffer, bytes.Length);
        }));

        Assert.Empty(h.Logger.Matching("event=sip-receive-error"));
        BoundTheWait(ours);

        // The damage must not have been so heavy that nothing got past the parser.
        Assert.True(h.User.Requests.Reader.Count > 0, "no request reached the TU");
        Assert.True(h.User.Cancelled.Reader.Count + h.Stack.Counters.MalformedAnswered > 0, "nothing was answered by the stack itself");
        Assert.True(h.Stack.Counters.StrayResponses + h.Stack.Counters.ResponsesDiscarded + (ours.ProvisionalReceived || ours.FinalStatusCode > 0 ? 1 : 0) > 0, "no response was matched");
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task Damaged_streams_never_escape_the_receive_path_nor_leak_a_transaction_or_a_buffer()
    {
        await using var h = new StackHarness();
        h.User.OnRequest = r => r.Respond(500);
        using var udp = h.Peer();
        ClientRequest ours = h.Stack.SendRequest(Invite(h, udp), new RecordingClient());
        byte[][] seeds = Seeds(h, "127.0.0.1:5999", "TCP", ours);

        // Each case on a connection of its own: send, half-close, read until the stack closes its side, which it does
        // only after its read loop has handled everything.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(Damaged(seeds).ToArbitrary(), bytes =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
            socket.Connect(h.Tcp);
            socket.Send([.. bytes, .. seeds[0]]); // a valid message after the damaged one: framing must hold or fail cleanly
            socket.Shutdown(SocketShutdown.Send);
            var sink = new byte[8192];
            while (socket.Receive(sink) > 0)
            {
            }
        }));

        Assert.Empty(h.Logger.Matching("event=sip-receive-error"));
        BoundTheWait(ours);
        await h.AssertCleanAsync();
    }

    /// <summary>
    /// Our INVITE may have met only a damaged provisional response: in Proceeding it waits for a final response without
    /// limit (RFC 3261 §17.1.1.2), and bounding that wait is the TU's job. Cancelling ends it within 64·T1.
    /// </summary>
    private static void BoundTheWait(ClientRequest invite) => invite.Cancel("SIP;cause=487");

    private static Gen<byte[]> Damaged(byte[][] seeds) =>
        from seed in Gen.Elements(seeds)
        from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 600), Gen.Elements<byte>(0, 9, 10, 13, 32, 34, 44, 58, 59, 60, 61, 62, 48, 57, 122, 200)))
        from kind in Gen.Choose(0, 2)
        select Damage(seed, edits.Take(3).ToArray(), kind);

    private static byte[] Damage(byte[] seed, (int Position, byte Value)[] edits, int kind)
    {
        var bytes = new List<byte>(seed);
        foreach ((int position, byte value) in edits)
        {
            int at = position % (bytes.Count + 1);
            switch (kind)
            {
                case 0 when at < bytes.Count:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                default:
                    if (at < bytes.Count)
                    {
                        bytes.RemoveAt(at);
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>One valid message of each kind the stack treats differently, all from one dialog so that damaged ones still match.</summary>
    private static byte[][] Seeds(StackHarness h, string peer, string transport, ClientRequest ours)
    {
        const string branch = "z9hG4bK-fuzz-1";
        byte[] invite = SipText.Invite(peer, h.Address, branch, "fuzz@test", transport);
        var parsed = new WireMessage(invite);
        var sent = new WireMessage(ours.Bytes.Span);
        return
        [
            invite,
            SipText.HopByHop("CANCEL", parsed, parsed["To"]!, "Reason: SIP ;cause=486 ;text=\"Busy Here\""),
            SipText.HopByHop("ACK", parsed, parsed["To"] + ";tag=x"),
            SipText.Invite(peer, h.Address, "", "fuzz2543@test", transport, via: $"SIP/2.0/{transport} {peer}"),
            SipText.Message($"""
                OPTIONS sip:{h.Address} SIP/2.0
                Via: SIP/2.0/{transport} {peer};branch=z9hG4bK-fuzz-2;rport
                Max-Forwards: 70
                From: <sip:a@{peer}>;tag=1
                To: <sip:{h.Address}>
                Call-ID: fuzz-options@test
                CSeq: 1 OPTIONS
                """),
            SipText.Response(sent, 180, "Ringing", toTag: "t"),
            SipText.Response(sent, 200, "OK", toTag: "t"),
            SipText.Response(sent, 486, "Busy Here", toTag: "t"),
            Encoding.ASCII.GetBytes("\r\n\r\n"),
        ];
    }

    private static OutgoingRequest Invite(StackHarness h, UdpPeer peer) => new()
    {
        Method = "INVITE",
        RequestUri = $"sip:x@{peer.Address}",
        Destination = peer.EndPoint,
        From = $"<sip:gw@{h.Address}>;tag=gw",
        To = $"<sip:x@{peer.Address}>",
        CallId = "ours@test",
        CSeq = 1,
        Contact = $"<sip:gw@{h.Address}>",
    };
}
