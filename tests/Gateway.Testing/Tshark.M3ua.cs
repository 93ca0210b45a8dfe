using System.Buffers.Binary;

namespace Gateway.Testing;

public static partial class Tshark
{
    /// <summary>The SCTP payload protocol identifier IANA assigns to M3UA (RFC 4666 §1.4.7).</summary>
    public const uint M3uaPayloadProtocolIdentifier = 3;

    /// <summary>The SCTP and TCP port IANA assigns to M3UA.</summary>
    public const ushort M3uaPort = 2905;

    /// <summary>
    /// Decodes M3UA messages (each starting at its common header) as one SCTP DATA chunk per frame, with PPID 3 on port
    /// 2905, the way they cross an association: pcap link type 1 (Ethernet), IPv4 from 127.0.0.1 to 127.0.0.2, an SCTP
    /// common header with a correct CRC32c, and a DATA chunk (B and E bits set: unfragmented) with a TSN counting
    /// from 1. DATA goes on stream 1 and every other class on stream 0, as RFC 4666 §1.4.7 has it.
    /// </summary>
    public static IReadOnlyList<Frame> DecodeM3uaOverSctp(IReadOnlyList<byte[]> messages, params string[] fields)
    {
        var frames = new List<byte[]>(messages.Count);
        for (int i = 0; i < messages.Count; i++)
        {
            byte[] m3ua = messages[i];
            ushort stream = (ushort)(m3ua.Length >= 4 && m3ua[2] == 1 ? 1 : 0);
            frames.Add(EthernetIpv4SctpFrame(m3ua, (uint)i + 1, stream, M3uaPayloadProtocolIdentifier));
        }

        return Decode(frames, linkType: 1, fields);
    }

    /// <summary>
    /// Decodes an M3UA-over-TCP byte stream (as captured): cut into messages by their common header's length, each
    /// then decoded as <see cref="DecodeM3uaOverSctp"/> does. A cut-off message at the end is left out.
    /// </summary>
    public static IReadOnlyList<Frame> DecodeM3uaStream(ReadOnlySpan<byte> stream, params string[] fields)
    {
        var messages = new List<byte[]>();
        while (stream.Length >= 8)
        {
            int length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(stream[4..]);
            if (length < 8 || length > stream.Length) break;
            messages.Add(stream[..length].ToArray());
            stream = stream[length..];
        }

        return DecodeM3uaOverSctp(messages, fields);
    }

    /// <summary>
    /// An Ethernet II frame (locally administered addresses) with an IPv4 header (no options, don't fragment, TTL 64,
    /// 127.0.0.1 to 127.0.0.2, checksummed) before <paramref name="ipPayloadLength"/> octets left for the caller at 34.
    /// </summary>
    private static byte[] EthernetIpv4Frame(int ipPayloadLength, byte protocol, ushort identification)
    {
        int ipLength = 20 + ipPayloadLength;
        byte[] frame = new byte[14 + ipLength];
        Span<byte> f = frame;
        f[0] = 0x02; f[5] = 0x02;
        f[6] = 0x02; f[11] = 0x01;
        BinaryPrimitives.WriteUInt16BigEndian(f[12..], 0x0800);
        Span<byte> ip = f.Slice(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)ipLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], identification);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000);
        ip[8] = 64;
        ip[9] = protocol;
        ip[12] = 127; ip[15] = 1;
        ip[16] = 127; ip[19] = 2;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Ipv4Checksum(ip));
        return frame;
    }

    /// <summary>One Ethernet frame carrying an IPv4 packet carrying an SCTP packet with one DATA chunk.</summary>
    public static byte[] EthernetIpv4SctpFrame(ReadOnlySpan<byte> payload, uint tsn, ushort stream, uint ppid)
    {
        int chunkLength = 16 + payload.Length;
        int sctpLength = 12 + ((chunkLength + 3) & ~3);
        byte[] frame = EthernetIpv4Frame(sctpLength, protocol: 132, identification: (ushort)tsn);
        Span<byte> f = frame;

        // SCTP common header, then the DATA chunk (type 0, flags B|E) and its padding.
        Span<byte> sctp = f.Slice(34, sctpLength);
        BinaryPrimitives.WriteUInt16BigEndian(sctp, M3uaPort);
        BinaryPrimitives.WriteUInt16BigEndian(sctp[2..], M3uaPort);
        BinaryPrimitives.WriteUInt32BigEndian(sctp[4..], 0x4d335541);
        Span<byte> chunk = sctp[12..];
        chunk[0] = 0;
        chunk[1] = 0x03;
        BinaryPrimitives.WriteUInt16BigEndian(chunk[2..], (ushort)chunkLength);
        BinaryPrimitives.WriteUInt32BigEndian(chunk[4..], tsn);
        BinaryPrimitives.WriteUInt16BigEndian(chunk[8..], stream);
        BinaryPrimitives.WriteUInt16BigEndian(chunk[10..], (ushort)tsn);
        BinaryPrimitives.WriteUInt32BigEndian(chunk[12..], ppid);
        payload.CopyTo(chunk[16..]);

        // RFC 4960 §6.8 and Appendix B: CRC32c over the whole packet with the field zero, stored least significant
        // octet first (the byte order of the RFC's reference code and of every implementation).
        BinaryPrimitives.WriteUInt32LittleEndian(sctp[8..], Crc32C(sctp));
        return frame;
    }

    /// <summary>CRC32c (Castagnoli, reflected polynomial 0x82F63B78), as SCTP checksums its packets.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
            }
        }

        return ~crc;
    }

    private static ushort Ipv4Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
