using System.Buffers;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>The TCP framing on its own: whatever way the bytes arrive, the same messages come out.</summary>
public sealed class M3uaFramingTests
{
    private const int Max = 4096;

    /// <summary>
    /// Feeds the concatenated messages in the given chunks, as successive reads into a pipe would, keeping unconsumed
    /// bytes in their original segments; returns the messages taken, or the first status that was not a message.
    /// </summary>
    private static (List<byte[]> Messages, M3uaFrameStatus Stop) Feed(IEnumerable<byte[]> arrivals, int max = Max)
    {
        var messages = new List<byte[]>();
        var pending = new List<byte[]>();
        foreach (byte[] arrival in arrivals)
        {
            pending.Add(arrival);
            ReadOnlySequence<byte> buffer = ChunkedSequence.From(pending);
            M3uaFrameStatus status;
            while ((status = M3uaFraming.TryTake(ref buffer, max, out var message, out _)) == M3uaFrameStatus.Message)
            {
                messages.Add(message.ToArray());
            }
            if (status != M3uaFrameStatus.NeedMore) return (messages, status);
            pending = [];
            foreach (ReadOnlyMemory<byte> segment in buffer) pending.Add(segment.ToArray());
        }
        return (messages, M3uaFrameStatus.NeedMore);
    }

    /// <summary>Cuts <paramref name="bytes"/> at the given positions (taken modulo its length): empty chunks included.</summary>
    internal static List<byte[]> Split(byte[] bytes, IEnumerable<int> cuts)
    {
        var points = cuts.Select(c => bytes.Length == 0 ? 0 : (int)((uint)c % (uint)(bytes.Length + 1))).Order().ToList();
        var chunks = new List<byte[]>();
        int from = 0;
        foreach (int point in points)
        {
            chunks.Add(bytes[from..point]);
            from = point;
        }
        chunks.Add(bytes[from..]);
        return chunks;
    }

    [Fact]
    public void Any_split_of_any_message_sequence_frames_to_the_same_messages()
    {
        var lengths = Gen.Choose(8, 600).ListOf();
        var cuts = Gen.Choose(0, int.MaxValue).ListOf();
        Prop.ForAll(lengths.ToArbitrary(), cuts.ToArbitrary(), (List<int> sizes, List<int> cutPoints) =>
        {
            var sent = sizes.Select((size, i) => M3uaMessages.Make(size, seed: i)).ToList();
            byte[] stream = [.. sent.SelectMany(m => m)];
            var (received, stop) = Feed(Split(stream, cutPoints));
            return stop == M3uaFrameStatus.NeedMore
                && received.Count == sent.Count
                && received.Zip(sent).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_header_cut_anywhere_waits_for_the_rest()
    {
        byte[] message = M3uaMessages.Make(40);
        for (int cut = 0; cut <= message.Length; cut++)
        {
            var (received, stop) = Feed([message[..cut], message[cut..]]);
            Assert.Equal(M3uaFrameStatus.NeedMore, stop);
            Assert.Equal(message, Assert.Single(received));
        }
    }

    [Theory]
    [InlineData(0u, false)]
    [InlineData(7u, false)]
    [InlineData(Max + 1u, true)]
    [InlineData(uint.MaxValue, true)]
    public void A_length_outside_8_to_the_maximum_stops_framing_after_the_good_messages(uint declared, bool tooLong)
    {
        M3uaFrameStatus expected = tooLong ? M3uaFrameStatus.TooLong : M3uaFrameStatus.TooShort;
        byte[] good = M3uaMessages.Make(16);
        // The bad header arrives split, and nothing of the body it claims is there: the verdict needs the header only.
        byte[] bad = M3uaMessages.Header(declared);
        var (received, stop) = Feed([good, bad[..5], bad[5..]]);
        Assert.Equal(expected, stop);
        Assert.Equal(good, Assert.Single(received));
    }

    [Fact]
    public void Exactly_the_maximum_is_a_message()
    {
        byte[] message = M3uaMessages.Make(Max);
        var (received, stop) = Feed(Split(message, [100, 3000]));
        Assert.Equal(M3uaFrameStatus.NeedMore, stop);
        Assert.Equal(message, Assert.Single(received));
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(16, 12)]
    [InlineData(16, 20)]
    public void Sending_a_block_that_is_not_one_message_by_its_header_is_refused(int size, int declared)
    {
        byte[] block = new byte[size];
        if (size >= 8) System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(block.AsSpan(4), (uint)declared);
        Assert.Throws<ArgumentException>(() => M3uaFraming.ValidateOutgoing(block, Max));
    }

    [Fact]
    public void Sending_more_than_the_maximum_is_refused()
    {
        Assert.Throws<ArgumentException>(() => M3uaFraming.ValidateOutgoing(M3uaMessages.Make(Max + 4), Max));
        M3uaFraming.ValidateOutgoing(M3uaMessages.Make(Max), Max);
    }
}
