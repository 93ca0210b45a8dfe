using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>ASP Identifier (RFC 4666 §3.5.1, tag 0x0011): identifies the ASP to an SGP that needs it (ERR ASP Identifier Required otherwise), or in NTFY.</summary>
/// <param name="Value">The identifier, unique within the SGP's scope.</param>
public readonly record struct AspIdentifier(uint Value) : IM3uaParameter<AspIdentifier>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.AspIdentifier;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out AspIdentifier parameter)
    {
        parameter = value.Length == 4 ? new AspIdentifier(BinaryPrimitives.ReadUInt32BigEndian(value)) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);
        return 4;
    }
}
