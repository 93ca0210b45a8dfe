using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Traffic Mode Type (RFC 4666 §3.7.1, tag 0x000B), in ASPAC, its ACK and Routing Keys. Only the three modes RFC
/// 4666 defines read: anything else is refused (Unsupported Traffic Mode Type), since no AS can run in it.
/// </summary>
/// <param name="Mode">The mode.</param>
public readonly record struct TrafficModeType(M3uaTrafficMode Mode) : IM3uaParameter<TrafficModeType>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.TrafficModeType;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out TrafficModeType parameter)
    {
        uint mode = value.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(value) : 0;
        bool ok = mode is >= 1 and <= 3;
        parameter = ok ? new TrafficModeType((M3uaTrafficMode)mode) : default;
        return ok;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)Mode);
        return 4;
    }
}
