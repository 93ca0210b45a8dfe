using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Correlation ID (RFC 4666 §3.3.1, tag 0x0013): lets a peer detect loss or reordering of DATA during an override failover.</summary>
/// <param name="Value">The identifier.</param>
public readonly record struct CorrelationId(uint Value) : IM3uaParameter<CorrelationId>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.CorrelationId;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out CorrelationId parameter)
    {
        parameter = value.Length == 4 ? new CorrelationId(BinaryPrimitives.ReadUInt32BigEndian(value)) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);
        return 4;
    }
}
