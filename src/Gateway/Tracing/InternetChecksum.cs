using System.Buffers.Binary;

namespace Gateway.Tracing;

/// <summary>The RFC 1071 ones' complement sum, which IPv4, UDP and TCP checksum with: Wireshark flags a wrong one.</summary>
internal static class InternetChecksum
{
    /// <summary>Adds <paramref name="data"/> as big-endian 16-bit words, an odd last octet as the high half of one.</summary>
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
            if (sum >= 0x8000_0000)
            {
                sum = (sum & 0xFFFF) + (sum >> 16); // fold early: a 64 KB segment and its pseudo-header could overflow
            }
        }

        if (i < data.Length)
        {
            sum += (uint)data[i] << 8;
        }

        return sum;
    }

    public static ushort Finish(uint sum)
    {
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
