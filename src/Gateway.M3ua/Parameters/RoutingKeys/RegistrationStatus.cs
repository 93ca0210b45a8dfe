using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Registration Status (RFC 4666 §3.6.2, tag 0x0212), inside a Registration Result.</summary>
/// <param name="Status">The outcome.</param>
public readonly record struct RegistrationStatus(M3uaRegistrationStatus Status) : IM3uaParameter<RegistrationStatus>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.RegistrationStatus;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out RegistrationStatus parameter)
    {
        parameter = value.Length == 4 ? new RegistrationStatus((M3uaRegistrationStatus)BinaryPrimitives.ReadUInt32BigEndian(value)) : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)Status);
        return 4;
    }
}
