using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Concerned Destination (RFC 4666 §3.4.4, tag 0x0206), in SCON: the point code of the originator of the message that
/// met congestion, so an SG can tell it apart from the congested destination. A reserved octet precedes the 24-bit
/// point code; it is sent as 0 and ignored on receipt.
/// </summary>
/// <param name="PointCode">The point code, 24 bits at most.</param>
public readonly record struct ConcernedDestination(uint PointCode) : IM3uaParameter<ConcernedDestination>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.ConcernedDestination;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out ConcernedDestination parameter)
    {
        parameter = value.Length == 4 ? new ConcernedDestination(BinaryPrimitives.ReadUInt32BigEndian(value) & M3uaPointCode.MaxPointCode) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, PointCode & M3uaPointCode.MaxPointCode);
        return 4;
    }
}
