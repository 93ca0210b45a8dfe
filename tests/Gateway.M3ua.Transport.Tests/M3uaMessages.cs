using System.Buffers.Binary;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>Byte blocks shaped like M3UA messages: a common header with the right length, then any payload.</summary>
internal static class M3uaMessages
{
    /// <summary>A message of <paramref name="length"/> octets (at least 8): version 1, class/type as given, payload from the seed.</summary>
    public static byte[] Make(int length, byte messageClass = 1, byte messageType = 1, int seed = 0)
    {
        var message = new byte[length];
        message[0] = 1;
        message[2] = messageClass;
        message[3] = messageType;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)length);
        for (int i = 8; i < length; i++) message[i] = (byte)(seed + i * 31);
        return message;
    }

    /// <summary>An 8-octet header whose length field says <paramref name="declared"/>, whatever follows.</summary>
    public static byte[] Header(uint declared)
    {
        var header = new byte[8];
        header[0] = 1;
        header[2] = 1;
        header[3] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), declared);
        return header;
    }
}
