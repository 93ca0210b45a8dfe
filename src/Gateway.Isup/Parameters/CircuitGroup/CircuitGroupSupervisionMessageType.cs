namespace Gateway.Isup;

/// <summary>
/// Circuit group supervision message type (Q.763 §3.13), the mandatory fixed parameter of CGB, CGU and their
/// acknowledgements, 1 octet: whether the group is blocked for maintenance or because hardware failed, which the
/// two kinds of blocking state keep apart (Q.764 §2.8.2).
/// </summary>
public readonly struct CircuitGroupSupervisionMessageType : IIsupParameter<CircuitGroupSupervisionMessageType>
{
    /// <summary>Creates the parameter.</summary>
    public CircuitGroupSupervisionMessageType(CircuitGroupSupervisionType type)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((byte)type, (byte)3, nameof(type));
        Type = type;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.CircuitGroupSupervisionMessageType;

    /// <summary>Bits BA: the type indicator (bits H–C are spare).</summary>
    public CircuitGroupSupervisionType Type { get; }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out CircuitGroupSupervisionMessageType parameter)
    {
        parameter = value.Length == 1 ? new CircuitGroupSupervisionMessageType((CircuitGroupSupervisionType)(value[0] & 0x03)) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = (byte)Type;
        return 1;
    }
}
