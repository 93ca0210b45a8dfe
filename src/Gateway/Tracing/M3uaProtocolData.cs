using System.Buffers.Binary;

namespace Gateway.Tracing;

/// <summary>
/// What a trace filter needs of an M3UA message: the routing label of a DATA message's Protocol Data (RFC 4666
/// §3.3.1.1) and, for ISUP, its CIC. Read defensively, since a trace sees whatever crossed the wire.
/// </summary>
internal readonly struct M3uaProtocolData
{
    private const byte TransferClass = 1;
    private const byte DataType = 1;
    private const ushort ProtocolDataTag = 0x0210;
    private const byte IsupServiceIndicator = 5;

    private M3uaProtocolData(uint opc, uint dpc, byte serviceIndicator, int cic)
    {
        Opc = opc;
        Dpc = dpc;
        ServiceIndicator = serviceIndicator;
        Cic = cic;
    }

    public uint Opc { get; }

    public uint Dpc { get; }

    public byte ServiceIndicator { get; }

    /// <summary>The ISUP CIC (12 bits), or -1 when the user part is not ISUP or too short to hold one.</summary>
    public int Cic { get; }

    /// <summary>False for anything but a well-formed DATA message with a Protocol Data parameter.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out M3uaProtocolData data)
    {
        data = default;
        if (message.Length < 8 || message[0] != 1 || message[2] != TransferClass || message[3] != DataType)
        {
            return false;
        }

        // A message shorter than it says it is was cut somewhere: none of it is trusted. Longer is fine: the
        // octets past the declared length are not looked at.
        uint declared = BinaryPrimitives.ReadUInt32BigEndian(message[4..]);
        if (declared < 8 || declared > (uint)message.Length)
        {
            return false;
        }

        int length = (int)declared;
        int offset = 8;
        while (offset + 4 <= length)
        {
            ushort tag = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            int parameterLength = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
            if (parameterLength < 4 || offset + parameterLength > length)
            {
                return false;
            }

            if (tag == ProtocolDataTag)
            {
                ReadOnlySpan<byte> value = message.Slice(offset + 4, parameterLength - 4);
                if (value.Length < 12)
                {
                    return false;
                }

                byte si = value[8];
                ReadOnlySpan<byte> userData = value[12..];
                // ISUP's CIC leads the user data, least significant octet first, in 12 bits (Q.763 §1.2).
                int cic = si == IsupServiceIndicator && userData.Length >= 2 ? (userData[0] | (userData[1] << 8)) & 0x0FFF : -1;
                data = new M3uaProtocolData(
                    BinaryPrimitives.ReadUInt32BigEndian(value),
                    BinaryPrimitives.ReadUInt32BigEndian(value[4..]),
                    si,
                    cic);
                return true;
            }

            // Parameters are padded to a multiple of 4 octets; the padding is not in their length.
            offset += (parameterLength + 3) & ~3;
        }

        return false;
    }
}
