using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Destination Point Code (RFC 4666 §3.6.1, tag 0x020B), inside a Routing Key: the destination whose traffic the key selects, possibly masked.</summary>
/// <param name="PointCode">The destination.</param>
public readonly record struct DestinationPointCode(M3uaPointCode PointCode) : IM3uaParameter<DestinationPointCode>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.DestinationPointCode;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out DestinationPointCode parameter)
    {
        parameter = value.Length == 4 ? new DestinationPointCode(M3uaPointCode.FromWord(BinaryPrimitives.ReadUInt32BigEndian(value))) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, PointCode.ToWord());
        return 4;
    }
}
