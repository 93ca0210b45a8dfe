using System.Buffers;

namespace Gateway.Sip;

/// <summary>
/// The buffer the builders lay a message out in before copying it to an array of its exact size: one per thread,
/// reused, because the layout needs room the message does not (a guess at its size) and that room is garbage the
/// moment the copy is made, once for every response and request the gateway sends.
/// </summary>
internal static class ScratchBuffer
{
    // Larger buffers (a big body) are not kept: one outsized message should not pin its buffer to the thread.
    private const int KeptCapacity = 16 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_kept;

    /// <summary>
    /// An empty writer for this thread's use until <see cref="Return"/>; a nested take while one is out gets a new one,
    /// so two layouts never share it.
    /// </summary>
    public static ArrayBufferWriter<byte> Take()
    {
        ArrayBufferWriter<byte>? writer = t_kept;
        if (writer is null)
        {
            return new ArrayBufferWriter<byte>(2048);
        }

        t_kept = null;
        writer.ResetWrittenCount();
        return writer;
    }

    /// <summary>The written bytes as a new array of their size, and the writer back for this thread's next message.</summary>
    public static byte[] ToArrayAndReturn(ArrayBufferWriter<byte> writer)
    {
        byte[] bytes = writer.WrittenSpan.ToArray();
        if (writer.Capacity <= KeptCapacity)
        {
            t_kept = writer;
        }

        return bytes;
    }
}
