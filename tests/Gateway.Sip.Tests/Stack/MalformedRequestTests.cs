using System.Net;
using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// Malformed input: answered with the parser's status and a reason phrase naming the defect when a response can be built
/// from the request, dropped and counted otherwise, logged once per source and defect per minute, and a flood from one
/// source rate-limited before parsing.
/// </summary>
public sealed class MalformedRequestTests
{
    /// <summary>RFC 4475 torture requests, sent over TCP so that the answer comes back on the connection whatever the Via says.</summary>
    [Theory]
    [InlineData("mismatch01.dat", 400, "Bad Request - CSeq method does not match Request-Line")]
    [InlineData("multi01.dat", 400, "Bad Request - Duplicate CSeq header")]
    [InlineData("lwsstart.dat", 400, "Bad Request - Multiple SP in Request-Line")]
    [InlineData("trws.dat", 400, "Bad Request - Trailing white space in Request-Line")]
    [InlineData("ltgtruri.dat", 400, "Bad Request - Request-URI enclosed in <>")]
    [InlineData("scalar02.dat", 400, "Bad Request - Invalid CSeq")]
    [InlineData("badvers.dat", 505, "Version Not Supported")]
    [InlineData("quotbal.dat", 400, "Bad Request - Invalid To header")]
    [InlineData("badaspec.dat", 400, "Bad Request - Invalid To header")]
    [InlineData("badinv01.dat", 400, "Bad Request - Invalid Via header")]
    [InlineData("baddate.dat", 400, "Bad Request - Invalid Date header")]
    [InlineData("escruri.dat", 400, "Bad Request - Invalid Request-URI")]
    public async Task A_torture_request_is_answered_with_a_reason_phrase_naming_the_defect(string file, int status, string reason)
    {
        await using var h = new StackHarness();
        byte[] torture = VectorFiles.Read("torture", file);
        var sent = new RawView(torture);
        using var peer = TcpPeer.Connect(h.Tcp);
        peer.Send(torture);

        WireMessage response = await peer.ReceiveAsync(lenient: file == "scalar02.dat");
        Assert.Equal((status, reason), (response.StatusCode, response.ReasonPhrase));

        // Built from the request's own headers (the first of repeated ones), with a To tag added.
        Assert.Equal(sent.First("Call-ID", "i"), response["Call-ID"]);
        Assert.Equal(sent.First("CSeq"), response["CSeq"]);
        Assert.Equal(sent.First("From", "f"), response["From"]);
        Assert.StartsWith(sent.First("To", "t")!, response["To"]);
        Assert.Matches(";tag=[0-9a-f]{16}$", response["To"]);
        string via = sent.First("Via", "v")!;
        Assert.StartsWith(via, response.Values("Via")[0]);
        Assert.Equal(1, h.Stack.Counters.MalformedAnswered);
        Assert.False(h.User.Requests.Reader.TryRead(out _));
        await peer.SyncAsync();
        await h.AssertCleanAsync();
    }

    /// <summary>
    /// The stack reads the first Via, From and To once for the transaction and does not parse them again to validate;
    /// a bad value anywhere else in the same headers is still found.
    /// </summary>
    [Theory]
    [InlineData("Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-second, SIP/2.0/TCP ;branch=z9hG4bK-bad", "Bad Request - Invalid Via header")]
    [InlineData("Via: SIP/2.0/TCP [::1;branch=z9hG4bK-second", "Bad Request - Invalid Via header")]
    [InlineData("P-Asserted-Identity: <sip:alice@127.0.0.1", "Bad Request - Invalid P-Asserted-Identity header")]
    public async Task A_bad_value_after_the_headers_read_for_the_transaction_is_still_refused(string extra, string reason)
    {
        await using var h = new StackHarness();
        using var peer = TcpPeer.Connect(h.Tcp);
        peer.Send(SipText.Message($"""
            OPTIONS sip:gateway@127.0.0.1 SIP/2.0
            Via: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-first
            {extra}
            Max-Forwards: 70
            From: <sip:alice@127.0.0.1>;tag=a
            To: <sip:gateway@127.0.0.1>
            Call-ID: validate-once
            CSeq: 1 OPTIONS
            """));

        WireMessage response = await peer.ReceiveAsync();
        Assert.Equal((400, reason), (response.StatusCode, response.ReasonPhrase));
        Assert.False(h.User.Requests.Reader.TryRead(out _));
        await peer.SyncAsync();
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_request_whose_framing_is_lost_on_a_stream_is_answered_then_the_connection_is_closed()
    {
        await using var h = new StackHarness();
        using var peer = TcpPeer.Connect(h.Tcp);
        peer.Send(VectorFiles.Read("torture", "mcl01.dat"));
        WireMessage response = await peer.ReceiveAsync();
        Assert.Equal((400, "Bad Request - Multiple Content-Length headers"), (response.StatusCode, response.ReasonPhrase));
        Assert.Equal("15932 OPTIONS", response["CSeq"]);
        await peer.AssertClosedAsync();
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_malformed_request_over_UDP_is_answered_at_its_Via_and_logged_once_per_source_per_minute()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        string branch = StackHarness.NewBranch();
        byte[] mismatch = SipText.Message($"""
            OPTIONS sip:{h.Address} SIP/2.0
            Via: SIP/2.0/UDP {peer.Address};branch={branch};rport
            Max-Forwards: 70
            From: <sip:probe@{peer.Address}>;tag=m1
            To: <sip:{h.Address}>
            Call-ID: mismatch@test
            CSeq: 7 INVITE
            """);

        peer.Send(mismatch);
        WireMessage first = await peer.ReceiveAsync();
        Assert.Equal((400, "Bad Request - CSeq method does not match Request-Line"), (first.StatusCode, first.ReasonPhrase));
        Assert.Equal($"SIP/2.0/UDP {peer.Address};branch={branch};rport={peer.EndPoint.Port};received=127.0.0.1", first["Via"]);
        Assert.Equal("7 INVITE", first["CSeq"]);

        peer.Send(mismatch);
        Assert.Equal(400, (await peer.ReceiveAsync()).StatusCode); // answered every time (no state is kept)
        string line = Assert.Single(h.Logger.Matching("event=sip-malformed"));
        Assert.Equal($"event=sip-malformed source={peer.Address} transport=udp error=CSeqMethodMismatch header=CSeq action=400", line);

        h.Time.Advance(TimeSpan.FromMinutes(1));
        peer.Send(mismatch);
        Assert.Equal(400, (await peer.ReceiveAsync()).StatusCode);
        Assert.Equal(2, h.Logger.Matching("event=sip-malformed").Count());
        Assert.Equal(3, h.Stack.Counters.MalformedAnswered);
        Assert.False(h.User.Requests.Reader.TryRead(out _));
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task Unanswerable_garbage_and_malformed_responses_are_dropped_and_counted()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        peer.Send(VectorFiles.Read("torture", "insuf.dat"));  // no Call-ID, From, To: a 400 could not be built
        peer.Send(Encoding.ASCII.GetBytes("\u0016\u0003\u0001 not SIP at all\r\n\r\n"));
        peer.Send(VectorFiles.Read("torture", "bigcode.dat")); // a response: never answered (RFC 3261 §18.3)
        peer.Send(Encoding.ASCII.GetBytes("\r\n\r\n"));         // a keep-alive: neither answered nor counted as garbage
        await ServerTransactionTests.AssertTuSawNothingBeforeMarker(h, peer);

        Assert.Equal(3, h.Stack.Counters.MalformedDropped);
        Assert.Equal(0, h.Stack.Counters.MalformedAnswered);
        Assert.Contains(h.Logger.Matching("event=sip-malformed"), l => l.Contains("error=MissingMandatoryHeader") && l.Contains("action=dropped"));
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_flood_from_one_source_is_rate_limited_before_parsing_and_other_sources_still_get_through()
    {
        await using var h = new StackHarness(o => o with { RateLimitBurst = 5, RateLimitPerSecond = 1 });
        h.User.OnRequest = r => r.Respond(200);
        using var flooder = h.Peer();
        using var other = h.Peer(IPAddress.Parse("127.0.0.2"));

        for (int i = 0; i < 20; i++)
        {
            flooder.Send(ServerTransactionTests.Options(flooder, h, StackHarness.NewBranch(), $"flood-{i}@test"));
        }

        // The UDP loop handles datagrams in arrival order: once the other source's request is in, the flood has been seen.
        other.Send(ServerTransactionTests.Options(other, h, StackHarness.NewBranch(), "other@test"));
        var callIds = new List<string>();
        while (callIds.LastOrDefault() != "other@test")
        {
            callIds.Add((await h.NextRequest()).CallId);
        }

        Assert.Equal(["flood-0@test", "flood-1@test", "flood-2@test", "flood-3@test", "flood-4@test", "other@test"], callIds);
        Assert.Equal(15, h.Stack.Counters.RateLimited);
        Assert.Equal($"event=sip-rate-limited source={flooder.Address} transport=udp action=dropped", Assert.Single(h.Logger.Matching("event=sip-rate-limited")));
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await flooder.ReceiveAsync()).StatusCode);
        }

        flooder.AssertNothingReceived();

        // The bucket refills with time.
        h.Time.Advance(TimeSpan.FromSeconds(1));
        flooder.Send(ServerTransactionTests.Options(flooder, h, StackHarness.NewBranch(), "later@test"));
        Assert.Equal("later@test", (await h.NextRequest()).CallId);
        Assert.Equal(200, (await flooder.ReceiveAsync()).StatusCode);
        await h.AssertCleanAsync();
    }

    /// <summary>A torture file's header values as written, by long or compact name.</summary>
    private sealed class RawView(byte[] bytes)
    {
        private readonly string[] _lines = Encoding.UTF8.GetString(bytes).Split("\r\n");

        public string? First(params string[] names)
        {
            foreach (string line in _lines.Skip(1).TakeWhile(l => l.Length > 0))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && names.Any(n => string.Equals(line[..colon].Trim(), n, StringComparison.OrdinalIgnoreCase)))
                {
                    return line[(colon + 1)..].Trim();
                }
            }

            return null;
        }
    }
}
