using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// User/Cause (RFC 4666 §3.4.5, tag 0x0204), in DUPU: the unavailability cause (16 bits) then the MTP3-User identity
/// (16 bits), which is the service indicator of the unavailable user part (5 for ISUP).
/// </summary>
/// <param name="Cause">Why the user part is unavailable.</param>
/// <param name="User">The user part's service indicator (see <see cref="Mtp3ServiceIndicator"/>).</param>
public readonly record struct UserCause(M3uaUnavailabilityCause Cause, ushort User) : IM3uaParameter<UserCause>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.UserCause;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out UserCause parameter)
    {
        parameter = value.Length == 4
            ? new UserCause((M3uaUnavailabilityCause)BinaryPrimitives.ReadUInt16BigEndian(value), BinaryPrimitives.ReadUInt16BigEndian(value[2..]))
            : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], User);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Cause);
        return 4;
    }
}
