using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Local-RK-Identifier (RFC 4666 §3.6.1, tag 0x020A): the sender's own handle on a Routing Key in REG REQ, echoed in the Registration Result so the answer can be matched.</summary>
/// <param name="Value">The identifier, of significance to the sender only.</param>
public readonly record struct LocalRoutingKeyIdentifier(uint Value) : IM3uaParameter<LocalRoutingKeyIdentifier>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.LocalRoutingKeyIdentifier;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out LocalRoutingKeyIdentifier parameter)
    {
        parameter = value.Length == 4 ? new LocalRoutingKeyIdentifier(BinaryPrimitives.ReadUInt32BigEndian(value)) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);
        return 4;
    }
}
