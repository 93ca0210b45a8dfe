using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// The 8-octet common header (RFC 4666 §3.1): version, reserved, message class, message type, message length. Read
/// on its own it is what a stream transport needs to cut messages out of a byte stream — M3UA over TCP has no
/// message boundaries, and the length, which counts the header and all padding, is the only framing.
/// </summary>
public readonly struct M3uaHeader
{
    /// <summary>Octets of the common header.</summary>
    public const int Length = 8;

    /// <summary>The only version RFC 4666 defines: release 1.0.</summary>
    public const byte CurrentVersion = 1;

    /// <summary>Creates a header value.</summary>
    public M3uaHeader(byte version, byte reserved, byte messageClass, byte messageType, uint messageLength)
    {
        Version = version;
        Reserved = reserved;
        MessageClass = messageClass;
        MessageType = messageType;
        MessageLength = messageLength;
    }

    /// <summary>The version octet: 1 for RFC 4666.</summary>
    public byte Version { get; }

    /// <summary>The reserved octet: sent as 0, ignored on receipt.</summary>
    public byte Reserved { get; }

    /// <summary>The message class octet.</summary>
    public byte MessageClass { get; }

    /// <summary>The message type octet.</summary>
    public byte MessageType { get; }

    /// <summary>The message's length in octets, header and padding included, as the sender claims it (not checked here).</summary>
    public uint MessageLength { get; }

    /// <summary>Class and type as one value.</summary>
    public M3uaMessageType Message => M3uaMessageTypes.Create(MessageClass, MessageType);

    /// <summary>Reads the header at the start of <paramref name="data"/>; false when fewer than 8 octets are there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out M3uaHeader header)
    {
        if (data.Length < Length)
        {
            header = default;
            return false;
        }

        header = new M3uaHeader(data[0], data[1], data[2], data[3], BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
        return true;
    }

    /// <summary>
    /// For a stream framer: how many octets the message starting at <paramref name="data"/> occupies, once 8 octets
    /// are there. False with <paramref name="error"/> <see cref="M3uaError.None"/> while the header is incomplete;
    /// false with an error when the stream cannot be framed: a version other than 1 (nothing after it can be trusted,
    /// RFC 4666 answers Invalid Version), or a length below 8 or above <paramref name="maxLength"/> — a length field
    /// claiming gigabytes must never make a receiver wait for, or allocate, that much.
    /// </summary>
    public static bool TryGetMessageLength(ReadOnlySpan<byte> data, int maxLength, out int messageLength, out M3uaError error)
    {
        messageLength = 0;
        error = M3uaError.None;
        if (data.Length < Length)
        {
            return false;
        }

        if (data[0] != CurrentVersion)
        {
            error = M3uaError.InvalidVersion;
            return false;
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (length < Length || length > (uint)maxLength)
        {
            error = M3uaError.MessageLengthMismatch;
            return false;
        }

        messageLength = (int)length;
        return true;
    }

    /// <summary>Writes the header into the first 8 octets of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], MessageLength);
        destination[0] = Version;
        destination[1] = Reserved;
        destination[2] = MessageClass;
        destination[3] = MessageType;
    }
}
