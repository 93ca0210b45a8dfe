using System.Buffers;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>Builds a multi-segment sequence, one segment per chunk, as a pipe holds bytes that arrived in several reads.</summary>
internal sealed class ChunkedSequence : ReadOnlySequenceSegment<byte>
{
    private ChunkedSequence(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> From(IReadOnlyList<byte[]> chunks)
    {
        if (chunks.Count == 0) return ReadOnlySequence<byte>.Empty;
        var first = new ChunkedSequence(chunks[0], 0);
        ChunkedSequence last = first;
        for (int i = 1; i < chunks.Count; i++)
        {
            var next = new ChunkedSequence(chunks[i], last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
