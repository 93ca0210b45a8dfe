using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Tracing;

/// <summary>
/// Encodes a traced message as one HEPv3 packet (the sipcapture/Homer encapsulation): "HEP3", the total length, then
/// chunks of vendor id 0 (generic), type id and length (its 6-octet header included) and value, all big-endian.
/// </summary>
public static class HepEncoder
{
    /// <summary>Protocol type (chunk 0x000b) of SIP in the HEP specification's table.</summary>
    public const byte ProtocolTypeSip = 0x01;

    /// <summary>
    /// Protocol type of M3UA. The HEP specification's table lists 0x08 as M2UA and 0x09 as M3UA (both "SS7/SIGTRAN");
    /// what we send is a whole M3UA message, so 0x09.
    /// </summary>
    public const byte ProtocolTypeM3ua = 0x09;

    private const int ChunkHeaderLength = 6;
    private const int HeaderLength = 6;

    private const ushort IpFamily = 0x0001;
    private const ushort IpProtocol = 0x0002;
    private const ushort Ipv4Source = 0x0003;
    private const ushort Ipv4Destination = 0x0004;
    private const ushort Ipv6Source = 0x0005;
    private const ushort Ipv6Destination = 0x0006;
    private const ushort SourcePort = 0x0007;
    private const ushort DestinationPort = 0x0008;
    private const ushort TimestampSeconds = 0x0009;
    private const ushort TimestampMicroseconds = 0x000a;
    private const ushort ProtocolType = 0x000b;
    private const ushort CaptureAgentId = 0x000c;
    private const ushort AuthenticationKey = 0x000e;
    private const ushort Payload = 0x000f;

    /// <summary>
    /// The encoded length of <paramref name="message"/> with an authentication key of
    /// <paramref name="authenticationKeyLength"/> octets (0: none); more than 65535 means it cannot be encoded.
    /// </summary>
    public static int GetEncodedLength(in TracedMessage message, int authenticationKeyLength = 0)
    {
        bool ipv6 = IsIpv6(message);
        int length = HeaderLength
            + ChunkHeaderLength + 1 // IP family
            + ChunkHeaderLength + 1 // IP protocol
            + (2 * (ChunkHeaderLength + (ipv6 ? 16 : 4)))
            + (2 * (ChunkHeaderLength + 2)) // ports
            + (2 * (ChunkHeaderLength + 4)) // timestamp
            + ChunkHeaderLength + 1 // protocol type
            + ChunkHeaderLength + 4 // capture agent id
            + ChunkHeaderLength + message.Bytes.Length;
        if (authenticationKeyLength > 0)
        {
            length += ChunkHeaderLength + authenticationKeyLength;
        }

        return length;
    }

    /// <summary>
    /// Writes the HEPv3 packet for <paramref name="message"/> to <paramref name="destination"/>; false when it does not
    /// fit there or in HEP's 16-bit length. <paramref name="authenticationKey"/> is sent only when not empty.
    /// </summary>
    public static bool TryEncode(in TracedMessage message, uint captureAgentId, ReadOnlySpan<byte> authenticationKey, Span<byte> destination, out int written)
    {
        written = 0;
        int length = GetEncodedLength(message, authenticationKey.Length);
        if (length > ushort.MaxValue || length > destination.Length)
        {
            return false;
        }

        bool ipv6 = IsIpv6(message);
        "HEP3"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)length);
        int offset = HeaderLength;

        bool sctp = message.Protocol == TraceProtocol.M3ua ? message.Transport != TraceTransport.Tcp : message.Transport == TraceTransport.Sctp;
        byte ipProtocol = sctp ? (byte)132 : message.Transport == TraceTransport.Tcp ? (byte)6 : (byte)17;
        offset += WriteByte(destination[offset..], IpFamily, ipv6 ? (byte)10 : (byte)2);
        offset += WriteByte(destination[offset..], IpProtocol, ipProtocol);
        offset += WriteAddress(destination[offset..], ipv6 ? Ipv6Source : Ipv4Source, message.Source.Address, ipv6);
        offset += WriteAddress(destination[offset..], ipv6 ? Ipv6Destination : Ipv4Destination, message.Destination.Address, ipv6);
        offset += WriteUInt16(destination[offset..], SourcePort, (ushort)message.Source.Port);
        offset += WriteUInt16(destination[offset..], DestinationPort, (ushort)message.Destination.Port);

        long microseconds = (message.Timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        if (microseconds < 0)
        {
            microseconds = 0;
        }

        offset += WriteUInt32(destination[offset..], TimestampSeconds, (uint)(microseconds / 1_000_000));
        offset += WriteUInt32(destination[offset..], TimestampMicroseconds, (uint)(microseconds % 1_000_000));
        offset += WriteByte(destination[offset..], ProtocolType, message.Protocol == TraceProtocol.Sip ? ProtocolTypeSip : ProtocolTypeM3ua);
        offset += WriteUInt32(destination[offset..], CaptureAgentId, captureAgentId);
        if (!authenticationKey.IsEmpty)
        {
            offset += WriteBytes(destination[offset..], AuthenticationKey, authenticationKey);
        }

        offset += WriteBytes(destination[offset..], Payload, message.Bytes);
        written = offset;
        return true;
    }

    /// <summary>One IPv6 end makes both IPv6 (IPv4 ones mapped), as in the pcapng frames; mapped IPv4 on both stays IPv4.</summary>
    private static bool IsIpv6(in TracedMessage message) => IsTrueIpv6(message.Source.Address) || IsTrueIpv6(message.Destination.Address);

    private static bool IsTrueIpv6(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv4MappedToIPv6;

    private static int WriteChunkHeader(Span<byte> destination, ushort type, int valueLength)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, 0); // vendor: generic
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], type);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)(ChunkHeaderLength + valueLength));
        return ChunkHeaderLength;
    }

    private static int WriteByte(Span<byte> destination, ushort type, byte value)
    {
        WriteChunkHeader(destination, type, 1);
        destination[ChunkHeaderLength] = value;
        return ChunkHeaderLength + 1;
    }

    private static int WriteUInt16(Span<byte> destination, ushort type, ushort value)
    {
        WriteChunkHeader(destination, type, 2);
        BinaryPrimitives.WriteUInt16BigEndian(destination[ChunkHeaderLength..], value);
        return ChunkHeaderLength + 2;
    }

    private static int WriteUInt32(Span<byte> destination, ushort type, uint value)
    {
        WriteChunkHeader(destination, type, 4);
        BinaryPrimitives.WriteUInt32BigEndian(destination[ChunkHeaderLength..], value);
        return ChunkHeaderLength + 4;
    }

    private static int WriteBytes(Span<byte> destination, ushort type, ReadOnlySpan<byte> value)
    {
        WriteChunkHeader(destination, type, value.Length);
        value.CopyTo(destination[ChunkHeaderLength..]);
        return ChunkHeaderLength + value.Length;
    }

    private static int WriteAddress(Span<byte> destination, ushort type, IPAddress address, bool ipv6)
    {
        int size = ipv6 ? 16 : 4;
        WriteChunkHeader(destination, type, size);
        Span<byte> value = destination.Slice(ChunkHeaderLength, size);
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out int written))
        {
            written = 0;
        }

        if (written == 16 && address.IsIPv4MappedToIPv6 && !ipv6)
        {
            bytes[12..16].CopyTo(value);
        }
        else if (written == 4 && ipv6)
        {
            // An IPv4 end next to an IPv6 one: ::ffff:a.b.c.d.
            value.Clear();
            value[10] = 0xFF;
            value[11] = 0xFF;
            bytes[..4].CopyTo(value[12..]);
        }
        else if (written == size)
        {
            bytes[..size].CopyTo(value);
        }
        else
        {
            value.Clear();
        }

        return ChunkHeaderLength + size;
    }
}
