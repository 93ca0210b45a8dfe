using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Deregistration Status (RFC 4666 §3.6.4, tag 0x0213), inside a Deregistration Result.</summary>
/// <param name="Status">The outcome.</param>
public readonly record struct DeregistrationStatus(M3uaDeregistrationStatus Status) : IM3uaParameter<DeregistrationStatus>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.DeregistrationStatus;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out DeregistrationStatus parameter)
    {
        parameter = value.Length == 4 ? new DeregistrationStatus((M3uaDeregistrationStatus)BinaryPrimitives.ReadUInt32BigEndian(value)) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)Status);
        return 4;
    }
}
