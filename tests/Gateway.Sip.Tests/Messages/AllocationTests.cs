using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Gateway.Testing;

namespace Gateway.Sip.Tests.Messages;

/// <summary>
/// Asserts a behaviour — parsing allocates the <see cref="SipMessage"/> and nothing else — by counting bytes
/// allocated on this thread against the size of one SipMessage. It never measures time.
/// </summary>
public sealed class AllocationTests
{
    private const int Iterations = 1000;

    // The INVITE Gateway.Benchmarks parses, so that this test checks what the benchmark measures. Taken once: a
    // property that built it anew would allocate inside the measured loops.
    private static readonly byte[] Invite = SipSamples.InviteBytes();

    [Fact]
    public void The_benchmark_invite_is_the_size_the_benchmark_claims()
    {
        Assert.InRange(Invite.Length, 880, 950);
        Assert.InRange(SipSamples.InviteSdp.Length, 230, 270);
        using SipMessage message = Sip.ParseValid(Invite);
        Assert.Equal(13, message.HeaderCount);
        Assert.Equal(SipSamples.InviteSdp, Encoding.ASCII.GetString(message.Body));
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
