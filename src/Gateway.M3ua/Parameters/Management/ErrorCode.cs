using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Error Code (RFC 4666 §3.8.1, tag 0x000C): why the peer sent ERR. Unassigned numbers read as their value.</summary>
/// <param name="Code">The error.</param>
public readonly record struct ErrorCode(M3uaErrorCode Code) : IM3uaParameter<ErrorCode>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.ErrorCode;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out ErrorCode parameter)
    {
        parameter = value.Length == 4 ? new ErrorCode((M3uaErrorCode)BinaryPrimitives.ReadUInt32BigEndian(value)) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)Code);
        return 4;
    }
}
