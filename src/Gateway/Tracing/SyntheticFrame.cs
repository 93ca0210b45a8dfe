using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace Gateway.Tracing;

/// <summary>
/// Wraps traced messages in the Ethernet, IP and transport headers Wireshark needs to decode them: SIP in UDP, TCP or
/// SCTP as it travelled, and M3UA always in an SCTP DATA chunk with PPID 3 (even when it crossed TCP), since that is
/// how Wireshark recognises M3UA. Keeps per-flow state so that TCP sequence numbers run on without gaps and SCTP TSNs
/// and stream sequence numbers count up, which keeps Wireshark's analysis free of lost-segment findings. Not
/// thread-safe: one instance belongs to the one task writing a trace.
/// </summary>
public sealed class SyntheticFrame
{
    /// <summary>Room for the largest frame <see cref="Build"/> writes: Ethernet, an IPv6 header and a 64 KB payload.</summary>
    public const int MaxFrameLength = EthernetHeaderLength + Ipv6HeaderLength + 65535;

    /// <summary>More flows than this and the state is forgotten, so that a long trace of short connections stays bounded.</summary>
    public const int MaxFlows = 10_000;

    private const int EthernetHeaderLength = 14;
    private const int Ipv4HeaderLength = 20;
    private const int Ipv6HeaderLength = 40;
    private const int UdpHeaderLength = 8;
    private const int TcpHeaderLength = 20;
    private const int SctpCommonHeaderLength = 12;
    private const int SctpDataChunkHeaderLength = 16;
    private const byte ProtocolTcp = 6;
    private const byte ProtocolUdp = 17;
    private const byte ProtocolSctp = 132;

    /// <summary>SCTP payload protocol identifier of M3UA (RFC 4666 §1.4.7); SIP has none, so 0 (unspecified).</summary>
    private const uint M3uaPayloadProtocolIdentifier = 3;

    private readonly Dictionary<Flow, TcpFlow> _tcpFlows = [];
    private readonly Dictionary<Flow, SctpAssociation> _sctpAssociations = [];
    private ushort _ipIdentification;
    private uint _nextVerificationTag = 0x5347_0001;

    /// <summary>
    /// Writes the frame carrying <paramref name="message"/> to <paramref name="frame"/> (at least
    /// <see cref="MaxFrameLength"/> long) and returns its length. A message too long for one IP packet is cut to what
    /// fits, with headers that describe what is there; <paramref name="originalLength"/> then says how long it was.
    /// </summary>
    public int Build(in TracedMessage message, Span<byte> frame, out int originalLength)
    {
        Span<byte> source = stackalloc byte[16];
        Span<byte> destination = stackalloc byte[16];
        int sourceLength = WriteAddress(message.Source.Address, source);
        int destinationLength = WriteAddress(message.Destination.Address, destination);
        bool ipv6 = sourceLength == 16 || destinationLength == 16;
        if (ipv6)
        {
            // A dual-stack socket may report one end mapped and the other not: one IPv6 packet carries both.
            MapToIpv6(source, sourceLength);
            MapToIpv6(destination, destinationLength);
        }

        source = source[..(ipv6 ? 16 : 4)];
        destination = destination[..(ipv6 ? 16 : 4)];

        bool sctp = message.Protocol == TraceProtocol.M3ua || message.Transport == TraceTransport.Sctp;
        bool tcp = !sctp && message.Transport == TraceTransport.Tcp;
        byte protocol = sctp ? ProtocolSctp : tcp ? ProtocolTcp : ProtocolUdp;
        int ipHeaderLength = ipv6 ? Ipv6HeaderLength : Ipv4HeaderLength;
        int transportHeaderLength = sctp ? SctpCommonHeaderLength + SctpDataChunkHeaderLength : tcp ? TcpHeaderLength : UdpHeaderLength;

        // IPv4's total length counts its header, IPv6's payload length does not; SCTP pads its chunk to 4 octets.
        int maxPayload = (ipv6 ? 65535 : 65535 - Ipv4HeaderLength) - transportHeaderLength;
        if (sctp)
        {
            maxPayload &= ~3;
        }

        ReadOnlySpan<byte> payload = message.Bytes;
        int padding = sctp ? ((payload.Length + 3) & ~3) - payload.Length : 0;
        originalLength = EthernetHeaderLength + ipHeaderLength + transportHeaderLength + payload.Length + padding;
        if (payload.Length > maxPayload)
        {
            payload = payload[..maxPayload];
            padding = 0;
        }

        int transportLength = transportHeaderLength + payload.Length + padding;
        int length = EthernetHeaderLength + ipHeaderLength + transportLength;
        frame = frame[..length];

        bool fromLocal = message.Direction == TraceDirection.Sent;
        WriteEthernet(frame, fromLocal, ipv6);
        Span<byte> ip = frame.Slice(EthernetHeaderLength, ipHeaderLength);
        Span<byte> segment = frame.Slice(EthernetHeaderLength + ipHeaderLength, transportLength);
        ushort sourcePort = (ushort)message.Source.Port;
        ushort destinationPort = (ushort)message.Destination.Port;

        if (sctp)
        {
            WriteSctp(message, segment, sourcePort, destinationPort, payload, padding, fromLocal);
        }
        else
        {
            int headerLength = tcp ? TcpHeaderLength : UdpHeaderLength;
            payload.CopyTo(segment[headerLength..]);
            BinaryPrimitives.WriteUInt16BigEndian(segment, sourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(segment[2..], destinationPort);
            if (tcp)
            {
                WriteTcpHeader(message, segment, payload.Length, fromLocal);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(segment[4..], (ushort)transportLength);
                BinaryPrimitives.WriteUInt16BigEndian(segment[6..], 0);
            }

            uint sum = InternetChecksum.Add(0, source);
            sum = InternetChecksum.Add(sum, destination);
            sum += protocol + (uint)transportLength;
            ushort checksum = InternetChecksum.Finish(InternetChecksum.Add(sum, segment));
            if (!tcp && checksum == 0)
            {
                checksum = 0xFFFF; // 0 means "no checksum" in UDP (and is forbidden over IPv6)
            }

            BinaryPrimitives.WriteUInt16BigEndian(segment[(tcp ? 16 : 6)..], checksum);
        }

        if (ipv6)
        {
            WriteIpv6Header(ip, protocol, transportLength, source, destination);
        }
        else
        {
            WriteIpv4Header(ip, protocol, transportLength, source, destination);
        }

        return length;
    }

    private static void WriteEthernet(Span<byte> frame, bool fromLocal, bool ipv6)
    {
        // Locally administered, made-up addresses: the local end is ...:01 and the remote end ...:02.
        ReadOnlySpan<byte> local = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
        ReadOnlySpan<byte> remote = [0x02, 0x00, 0x00, 0x00, 0x00, 0x02];
        (fromLocal ? remote : local).CopyTo(frame);
        (fromLocal ? local : remote).CopyTo(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], ipv6 ? (ushort)0x86DD : (ushort)0x0800);
    }

    private void WriteIpv4Header(Span<byte> ip, byte protocol, int payloadLength, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        ip.Clear();
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(Ipv4HeaderLength + payloadLength));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], _ipIdentification++);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000); // don't fragment
        ip[8] = 64;
        ip[9] = protocol;
        source.CopyTo(ip[12..]);
        destination.CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Finish(InternetChecksum.Add(0, ip)));
    }

    private static void WriteIpv6Header(Span<byte> ip, byte protocol, int payloadLength, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(ip, 0x6000_0000);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)payloadLength);
        ip[6] = protocol;
        ip[7] = 64;
        source.CopyTo(ip[8..]);
        destination.CopyTo(ip[24..]);
    }

    private void WriteTcpHeader(in TracedMessage message, Span<byte> segment, int payloadLength, bool fromLocal)
    {
        TcpFlow flow = GetOrAdd(_tcpFlows, new Flow(message.Local, message.Remote));

        // Both directions start at 1 as if after a handshake; each segment follows the last one sent the same way
        // and acknowledges everything the other way, so Wireshark sees a lossless, in-order stream.
        ref uint next = ref fromLocal ? ref flow.LocalNext : ref flow.RemoteNext;
        uint acknowledged = fromLocal ? flow.RemoteNext : flow.LocalNext;
        BinaryPrimitives.WriteUInt32BigEndian(segment[4..], next);
        BinaryPrimitives.WriteUInt32BigEndian(segment[8..], acknowledged);
        next += (uint)payloadLength;
        segment[12] = TcpHeaderLength / 4 << 4;
        segment[13] = 0x18; // PSH | ACK
        BinaryPrimitives.WriteUInt16BigEndian(segment[14..], 65535);
        BinaryPrimitives.WriteUInt16BigEndian(segment[16..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(segment[18..], 0);
    }

    private void WriteSctp(in TracedMessage message, Span<byte> packet, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload, int padding, bool fromLocal)
    {
        SctpAssociation association = GetOrAdd(_sctpAssociations, new Flow(message.Local, message.Remote));
        if (association.LocalTag == 0)
        {
            association.LocalTag = _nextVerificationTag++;
            association.RemoteTag = _nextVerificationTag++;
        }

        SctpDirection direction = fromLocal ? association.FromLocal : association.FromRemote;
        ushort stream = message.SctpStream;
        direction.StreamSequence.TryGetValue(stream, out ushort streamSequence);
        direction.StreamSequence[stream] = (ushort)(streamSequence + 1);

        BinaryPrimitives.WriteUInt16BigEndian(packet, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], destinationPort);
        // The verification tag a packet carries is the one its receiver chose.
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], fromLocal ? association.RemoteTag : association.LocalTag);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], 0);

        Span<byte> chunk = packet[SctpCommonHeaderLength..];
        chunk[0] = 0; // DATA
        chunk[1] = 0x03; // B | E: the whole message in one chunk
        BinaryPrimitives.WriteUInt16BigEndian(chunk[2..], (ushort)(SctpDataChunkHeaderLength + payload.Length));
        BinaryPrimitives.WriteUInt32BigEndian(chunk[4..], direction.NextTsn++);
        BinaryPrimitives.WriteUInt16BigEndian(chunk[8..], stream);
        BinaryPrimitives.WriteUInt16BigEndian(chunk[10..], streamSequence);
        BinaryPrimitives.WriteUInt32BigEndian(chunk[12..], message.Protocol == TraceProtocol.M3ua ? M3uaPayloadProtocolIdentifier : 0);
        payload.CopyTo(chunk[SctpDataChunkHeaderLength..]);
        chunk.Slice(SctpDataChunkHeaderLength + payload.Length, padding).Clear();

        // RFC 4960 Appendix B: CRC32c over the packet with the field zero, stored least significant octet first.
        BinaryPrimitives.WriteUInt32LittleEndian(packet[8..], Crc32C(packet));
    }

    private static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = uint.MaxValue;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        }

        for (; i < data.Length; i++)
        {
            crc = BitOperations.Crc32C(crc, data[i]);
        }

        return ~crc;
    }

    /// <summary>Writes the address's 4 or 16 octets, an IPv4-mapped IPv6 address as its 4; returns how many.</summary>
    private static int WriteAddress(IPAddress address, Span<byte> destination)
    {
        if (!address.TryWriteBytes(destination, out int written))
        {
            destination.Clear();
            return address.AddressFamily == AddressFamily.InterNetworkV6 ? 16 : 4;
        }

        if (written == 16 && address.IsIPv4MappedToIPv6)
        {
            destination[12..16].CopyTo(destination);
            return 4;
        }

        return written;
    }

    private static void MapToIpv6(Span<byte> address, int length)
    {
        if (length == 4)
        {
            address[..4].CopyTo(address[12..]);
            address[..10].Clear();
            address[10] = 0xFF;
            address[11] = 0xFF;
        }
    }

    private static T GetOrAdd<T>(Dictionary<Flow, T> flows, Flow key)
        where T : class, new()
    {
        if (flows.TryGetValue(key, out T? state))
        {
            return state;
        }

        if (flows.Count >= MaxFlows)
        {
            flows.Clear();
        }

        state = new T();
        flows.Add(key, state);
        return state;
    }

    private readonly record struct Flow(IPEndPoint Local, IPEndPoint Remote);

    private sealed class TcpFlow
    {
        public uint LocalNext = 1;
        public uint RemoteNext = 1;
    }

    private sealed class SctpAssociation
    {
        public uint LocalTag;
        public uint RemoteTag;
        public readonly SctpDirection FromLocal = new();
        public readonly SctpDirection FromRemote = new();
    }

    private sealed class SctpDirection
    {
        public uint NextTsn = 1;
        public readonly Dictionary<ushort, ushort> StreamSequence = [];
    }
}
