using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Gateway.Sip.Tests.Messages;

/// <summary>
/// Asserts a behaviour — parsing allocates the <see cref="SipMessage"/> and nothing else — by counting bytes
/// allocated on this thread against the size of one SipMessage. It never measures time.
/// </summary>
public sealed class AllocationTests
{
    private const int Iterations = 1000;

    // The same INVITE as bench/Gateway.Benchmarks/Sip/BenchInvite.cs (the test project cannot reference the
    // benchmark project); keep the two in step.
    private const string Sdp =
        "v=0\r\n" +
        "o=- 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=maxptime:40\r\n" +
        "a=sendrecv\r\n";

    private static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:+4930123456@gw1.carrier.example.net;user=phone SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds.a1b2c3;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Alice\" <sip:+4940111222@pbx.example.com;user=phone>;tag=1928301774\r\n" +
        "To: <sip:+4930123456@gw1.carrier.example.net;user=phone>;tag=a6c85cf\r\n" +
        "Call-ID: a84b4c76e66710@pbx.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:+4940111222@192.0.2.10:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE, INFO\r\n" +
        "Supported: 100rel, timer, replaces\r\n" +
                "P-Asserted-Identity: \"Alice\" <sip:+4940111222@pbx.example.com;user=phone>\r\n" +
        "User-Agent: ExamplePBX/4.2\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n" +
        "\r\n" +
        Sdp);

    [Fact]
    public void The_benchmark_invite_is_the_size_the_benchmark_claims()
    {
        Assert.InRange(Invite.Length, 880, 950);
        Assert.InRange(Sdp.Length, 230, 270);
        using SipMessage message = Sip.ParseValid(Invite);
        Assert.Equal(13, message.HeaderCount);
        Assert.Equal(Sdp, Encoding.ASCII.GetString(message.Body));
    }

    [Fact]
    public void Parsing_a_datagram_allocates_exactly_one_SipMessage()
    {
        long perMessage = SizeOfOneSipMessage();
        long allocated = Measure(() =>
        {
            SipParser.TryParse(Invite, out SipMessage? message);
            ReadKeyHeaders(message!);
            message!.Dispose();
        });

        Assert.Equal(Iterations * perMessage, allocated);
    }

    [Fact]
    public void Parsing_a_handed_over_pooled_buffer_allocates_exactly_one_SipMessage()
    {
        long perMessage = SizeOfOneSipMessage();
        long allocated = Measure(() =>
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(2048);
            Invite.CopyTo(buffer, 0);
            SipParser.TryParse(buffer, Invite.Length, ArrayPool<byte>.Shared, out SipMessage? message);
            message!.Dispose();
        });

        Assert.Equal(Iterations * perMessage, allocated);
    }

    [Fact]
    public void Parsing_from_a_stream_allocates_exactly_one_SipMessage()
    {
        long perMessage = SizeOfOneSipMessage();
        var buffer = new ReadOnlySequence<byte>(Invite);
        long allocated = Measure(() =>
        {
            SipParser.TryParseStream(buffer, out _, out _, out SipMessage? message);
            message!.Dispose();
        });

        Assert.Equal(Iterations * perMessage, allocated);
    }

    [Fact]
    public void Retrying_a_stream_whose_body_has_not_arrived_allocates_nothing()
    {
        var partial = new ReadOnlySequence<byte>(Invite, 0, Invite.Length - 10);
        long allocated = Measure(() =>
        {
            // (No Assert inside the measured loop: xunit's comparers allocate.)
            if (SipParser.TryParseStream(partial, out _, out _, out _).Status != SipParseStatus.NeedMoreData)
            {
                throw new InvalidOperationException("Expected NeedMoreData.");
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Rejecting_a_message_that_cannot_be_answered_allocates_nothing()
    {
        byte[] response = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Invite).Replace("INVITE sip:+4930123456@gw1.carrier.example.net;user=phone SIP/2.0", "SIP/2.0 4294967301 Big"));
        long allocated = Measure(() =>
        {
            if (SipParser.TryParse(response, out _).Error != SipParseError.BadStatusCode)
            {
                throw new InvalidOperationException("Expected BadStatusCode.");
            }
        });

        Assert.Equal(0, allocated);
    }

    private static void ReadKeyHeaders(SipMessage message)
    {
        // Reading raw values is slicing: no allocation.
        if (message.CallId.IsEmpty || message.CSeqNumber != 314159 || message.GetHeaderValue(SipHeaderName.Via).IsEmpty)
        {
            throw new InvalidOperationException("The INVITE did not parse as expected.");
        }

        foreach (SipHeaderField field in message.Headers)
        {
            _ = field.Value.Length;
        }
    }

    private static long Measure(Action parse)
    {
        // Warm-up: JIT, static SearchValues, the thread's ArrayPool buckets and spare message.
        for (int i = 0; i < 100; i++)
        {
            parse();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            parse();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>The heap size of one SipMessage, measured by allocating one.</summary>
    private static long SizeOfOneSipMessage()
    {
        RuntimeHelpers.GetUninitializedObject(typeof(SipMessage));
        long before = GC.GetAllocatedBytesForCurrentThread();
        object one = RuntimeHelpers.GetUninitializedObject(typeof(SipMessage));
        long size = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(one);
        Assert.InRange(size, 900, 1200); // 48 inline 16-byte entries, the header index, the scalars
        return size;
    }
}
