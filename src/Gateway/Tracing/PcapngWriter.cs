using System.Buffers.Binary;

namespace Gateway.Tracing;

/// <summary>
/// Writes one pcapng section (draft-ietf-opsawg-pcapng) to a stream: a Section Header Block and one Ethernet
/// Interface Description Block at construction, then an Enhanced Packet Block per frame. Little-endian throughout, as
/// the byte-order magic declares, with nanosecond timestamps so that a <see cref="DateTimeOffset"/>'s 100 ns ticks
/// survive. Owns no I/O beyond the stream it is given, and does not dispose it.
/// </summary>
public sealed class PcapngWriter
{
    private const uint SectionHeaderBlockType = 0x0A0D0D0A;
    private const uint InterfaceDescriptionBlockType = 1;
    private const uint EnhancedPacketBlockType = 6;
    private const ushort LinkTypeEthernet = 1;
    private const int EnhancedPacketOverhead = 32;

    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly Stream _stream;

    public PcapngWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        WriteSectionHeader();
        WriteInterfaceDescription();
    }

    /// <summary>Bytes written so far, headers included: what a rotating writer compares with its size limit.</summary>
    public long Length { get; private set; }

    public long PacketCount { get; private set; }

    /// <summary>The bytes <see cref="WritePacket"/> adds for a frame of <paramref name="capturedLength"/>.</summary>
    public static long EnhancedPacketBlockLength(int capturedLength) => EnhancedPacketOverhead + Pad4(capturedLength);

    /// <summary>
    /// Writes one Ethernet frame. <paramref name="originalLength"/> is the frame's length on the wire when
    /// <paramref name="frame"/> holds only its start; it is never taken as less than what was captured.
    /// </summary>
    public void WritePacket(DateTimeOffset timestamp, ReadOnlySpan<byte> frame, int originalLength = 0)
    {
        // Timestamps before 1970 cannot be written (the field is unsigned); clamp rather than fail the trace.
        long ticks = timestamp.UtcTicks - UnixEpochTicks;
        ulong nanoseconds = ticks <= 0 ? 0 : (ulong)ticks * 100;
        int padded = Pad4(frame.Length);
        int total = EnhancedPacketOverhead + padded;

        Span<byte> header = stackalloc byte[28];
        BinaryPrimitives.WriteUInt32LittleEndian(header, EnhancedPacketBlockType);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)total);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0); // interface 0, the only one
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)(nanoseconds >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)nanoseconds);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)Math.Max(originalLength, frame.Length));
        _stream.Write(header);
        _stream.Write(frame);

        Span<byte> trailer = stackalloc byte[8];
        trailer.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[(padded - frame.Length)..], (uint)total);
        _stream.Write(trailer[..(padded - frame.Length + 4)]);
        Length += total;
        PacketCount++;
    }

    private static int Pad4(int length) => (length + 3) & ~3;

    private void WriteSectionHeader()
    {
        Span<byte> block = stackalloc byte[28];
        BinaryPrimitives.WriteUInt32LittleEndian(block, SectionHeaderBlockType);
        BinaryPrimitives.WriteUInt32LittleEndian(block[4..], (uint)block.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(block[8..], 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(block[12..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(block[14..], 0);
        // Section length unknown (-1): the file is written as it goes, and readers then walk the blocks.
        BinaryPrimitives.WriteInt64LittleEndian(block[16..], -1);
        BinaryPrimitives.WriteUInt32LittleEndian(block[24..], (uint)block.Length);
        _stream.Write(block);
        Length += block.Length;
    }

    private void WriteInterfaceDescription()
    {
        Span<byte> block = stackalloc byte[32];
        block.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(block, InterfaceDescriptionBlockType);
        BinaryPrimitives.WriteUInt32LittleEndian(block[4..], (uint)block.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(block[8..], LinkTypeEthernet);
        BinaryPrimitives.WriteUInt32LittleEndian(block[12..], 0); // snap length: no limit
        // if_tsresol (code 9, length 1): 10^-9 s, padded to 4 octets; then opt_endofopt (code 0, length 0).
        BinaryPrimitives.WriteUInt16LittleEndian(block[16..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(block[18..], 1);
        block[20] = 9;
        BinaryPrimitives.WriteUInt32LittleEndian(block[28..], (uint)block.Length);
        _stream.Write(block);
        Length += block.Length;
    }
}
