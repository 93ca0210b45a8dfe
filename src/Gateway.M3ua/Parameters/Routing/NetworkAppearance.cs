using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Network Appearance (RFC 4666 §3.3.1, tag 0x0200): which SS7 network context a message belongs to when an association serves several; of local significance, agreed between SGP and ASP.</summary>
/// <param name="Value">The appearance value.</param>
public readonly record struct NetworkAppearance(uint Value) : IM3uaParameter<NetworkAppearance>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.NetworkAppearance;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out NetworkAppearance parameter)
    {
        parameter = value.Length == 4 ? new NetworkAppearance(BinaryPrimitives.ReadUInt32BigEndian(value)) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);
        return 4;
    }
}
