using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Status (RFC 4666 §3.8.2, tag 0x000D), the mandatory parameter of NTFY: a Status Type and a Status Information of
/// 16 bits each, the second read according to the first. Unassigned numbers are carried as they are.
/// </summary>
/// <param name="Type">What kind of status.</param>
/// <param name="Information">The status itself: an <see cref="M3uaAsState"/> or an <see cref="M3uaOtherStatus"/> depending on <paramref name="Type"/>.</param>
public readonly record struct NotifyStatus(M3uaStatusType Type, ushort Information) : IM3uaParameter<NotifyStatus>
{
    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.Status;

    /// <inheritdoc/>
    public int EncodedLength => 4;

    /// <summary>The AS state, when <see cref="Type"/> is <see cref="M3uaStatusType.AsStateChange"/>.</summary>
    public M3uaAsState? AsState => Type == M3uaStatusType.AsStateChange ? (M3uaAsState)Information : null;

    /// <summary>The other status, when <see cref="Type"/> is <see cref="M3uaStatusType.Other"/>.</summary>
    public M3uaOtherStatus? OtherStatus => Type == M3uaStatusType.Other ? (M3uaOtherStatus)Information : null;

    /// <summary>An AS state change to <paramref name="state"/>.</summary>
    public static NotifyStatus AsStateChange(M3uaAsState state) => new(M3uaStatusType.AsStateChange, (ushort)state);

    /// <summary>An "other" status.</summary>
    public static NotifyStatus Other(M3uaOtherStatus status) => new(M3uaStatusType.Other, (ushort)status);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out NotifyStatus parameter)
    {
        parameter = value.Length == 4
            ? new NotifyStatus((M3uaStatusType)BinaryPrimitives.ReadUInt16BigEndian(value), BinaryPrimitives.ReadUInt16BigEndian(value[2..]))
            : default;
        return value.Length == 4;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Information);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Type);
        return 4;
    }
}
