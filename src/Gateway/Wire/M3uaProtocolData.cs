using System.Buffers.Binary;

namespace Gateway.Wire;

/// <summary>
/// Finds the routing label and user data of an M3UA DATA message without decoding the rest: what the counters and
/// the trace's filters need from every message, at the cost of a walk over its few parameters. Never throws; anything
/// that is not a well-formed DATA message is simply "not found".
/// </summary>
public readonly ref struct M3uaProtocolData
{
    private const ushort ProtocolDataTag = 0x0210;
    private const int CommonHeaderLength = 8;
    private const int LabelLength = 12;

    public int Opc { get; init; }

    public int Dpc { get; init; }

    public byte ServiceIndicator { get; init; }

    public ReadOnlySpan<byte> UserData { get; init; }

    /// <summary>ISUP's CIC (12 bits, little-endian first octets of the user data), -1 when not ISUP or too short.</summary>
    public int Cic => ServiceIndicator == 5 && UserData.Length >= 3 ? BinaryPrimitives.ReadUInt16LittleEndian(UserData) & 0x0FFF : -1;

    /// <summary>ISUP's message type octet (after the CIC), or null when not ISUP or too short.</summary>
    public byte? IsupMessageType => ServiceIndicator == 5 && UserData.Length >= 3 ? UserData[2] : null;

    public static bool TryRead(ReadOnlySpan<byte> message, out M3uaProtocolData data)
    {
        data = default;
        // Version 1, class 1 (transfer), type 1 (DATA), length within the bytes we have.
        if (message.Length < CommonHeaderLength || message[0] != 1 || message[2] != 1 || message[3] != 1) return false;
        uint length = BinaryPrimitives.ReadUInt32BigEndian(message[4..]);
        if (length > (uint)message.Length || length < CommonHeaderLength) return false;
        ReadOnlySpan<byte> parameters = message[CommonHeaderLength..(int)length];
        while (parameters.Length >= 4)
        {
            ushort tag = BinaryPrimitives.ReadUInt16BigEndian(parameters);
            ushort parameterLength = BinaryPrimitives.ReadUInt16BigEndian(parameters[2..]);
            if (parameterLength < 4 || parameterLength > parameters.Length) return false;
            if (tag == ProtocolDataTag)
            {
                if (parameterLength < 4 + LabelLength) return false;
                ReadOnlySpan<byte> value = parameters[4..parameterLength];
                data = new M3uaProtocolData
                {
                    Opc = (int)BinaryPrimitives.ReadUInt32BigEndian(value),
                    Dpc = (int)BinaryPrimitives.ReadUInt32BigEndian(value[4..]),
                    ServiceIndicator = value[8],
                    UserData = value[LabelLength..],
                };
                return true;
            }
            int padded = (parameterLength + 3) & ~3;
            if (padded >= parameters.Length) return false;
            parameters = parameters[padded..];
        }
        return false;
    }
}
