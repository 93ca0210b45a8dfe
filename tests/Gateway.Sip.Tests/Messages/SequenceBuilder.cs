using System.Buffers;

namespace Gateway.Sip.Tests.Messages;

/// <summary>Builds multi-segment sequences, as a pipe delivers TCP data in pieces.</summary>
internal static class SequenceBuilder
{
    /// <summary>The bytes split before each of <paramref name="cuts"/> (positions out of range or repeated are ignored).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        int[] points = cuts.Where(c => c > 0 && c < bytes.Length).Distinct().Order().ToArray();
        if (points.Length == 0)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        var first = new Segment(bytes.AsMemory(0, points[0]), 0);
        Segment last = first;
        for (int i = 0; i < points.Length; i++)
        {
            int end = i + 1 < points.Length ? points[i + 1] : bytes.Length;
            last = last.Append(bytes.AsMemory(points[i], end - points[i]));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Every byte in its own segment.</summary>
    public static ReadOnlySequence<byte> Bytewise(byte[] bytes) => Split(bytes, [.. Enumerable.Range(1, Math.Max(0, bytes.Length - 1))]);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
