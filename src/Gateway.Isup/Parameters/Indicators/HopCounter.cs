namespace Gateway.Isup;

/// <summary>
/// Hop counter (Q.763 §3.80), 1 octet: bits E–A count down at each exchange to stop routing loops, as SIP's
/// Max-Forwards does; bits H–F are spare.
/// </summary>
public readonly struct HopCounter : IIsupParameter<HopCounter>
{
    /// <summary>Creates the parameter.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–31.</exception>
    public HopCounter(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 31);
        Value = (byte)value;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.HopCounter;

    /// <summary>The count, 0–31.</summary>
    public byte Value { get; }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out HopCounter parameter)
    {
        parameter = value.Length == 1 ? new HopCounter(value[0] & 0x1F) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = Value;
        return 1;
    }
}
