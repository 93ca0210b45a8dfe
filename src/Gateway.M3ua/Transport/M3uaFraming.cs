using System.Buffers;
using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// The one thing the transports know about M3UA (RFC 4666 §3.1): a message starts with an 8-octet common header whose
/// octets 4–7 hold the message length, big-endian, header and padding included. TCP needs it to find message boundaries;
/// both transports use it to refuse to send a block that would desynchronise a peer's framing.
/// </summary>
internal static class M3uaFraming
{
    public const int HeaderLength = 8;

    private const int LengthOffset = 4;

    /// <summary>
    /// Takes the first whole message off <paramref name="buffer"/> when it is all there. On <see cref="M3uaFrameStatus.TooShort"/>
    /// and <see cref="M3uaFrameStatus.TooLong"/>, <paramref name="declaredLength"/> is the offending length field.
    /// </summary>
    public static M3uaFrameStatus TryTake(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out ReadOnlySequence<byte> message, out uint declaredLength)
    {
        message = default;
        declaredLength = 0;
        if (buffer.Length < HeaderLength) return M3uaFrameStatus.NeedMore;

        declaredLength = ReadLength(buffer);
        if (declaredLength < HeaderLength) return M3uaFrameStatus.TooShort;
        if (declaredLength > (uint)maxMessageSize) return M3uaFrameStatus.TooLong;
        if (buffer.Length < declaredLength) return M3uaFrameStatus.NeedMore;

        message = buffer.Slice(0, declaredLength);
        buffer = buffer.Slice(declaredLength);
        return M3uaFrameStatus.Message;
    }

    private static uint ReadLength(in ReadOnlySequence<byte> buffer)
    {
        ReadOnlySpan<byte> first = buffer.FirstSpan;
        if (first.Length >= HeaderLength) return BinaryPrimitives.ReadUInt32BigEndian(first[LengthOffset..]);

        // The header straddles segments (a read that ended inside it): gather its 8 octets.
        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header[LengthOffset..]);
    }

    /// <summary>
    /// Throws unless <paramref name="message"/> is one whole message by its own header: a block whose length field
    /// disagrees with its size would make a TCP peer misframe everything after it, and is a bug in the caller.
    /// </summary>
    public static void ValidateOutgoing(ReadOnlySpan<byte> message, int maxMessageSize)
    {
        if (message.Length < HeaderLength)
        {
            throw new ArgumentException($"An M3UA message is at least its {HeaderLength}-octet common header; got {message.Length} octets.", nameof(message));
        }
        uint declared = BinaryPrimitives.ReadUInt32BigEndian(message[LengthOffset..]);
        if (declared != (uint)message.Length)
        {
            throw new ArgumentException($"The common header says {declared} octets but the message has {message.Length}.", nameof(message));
        }
        if (message.Length > maxMessageSize)
        {
            throw new ArgumentException($"The message has {message.Length} octets, more than the maximum of {maxMessageSize}.", nameof(message));
        }
    }
}
