namespace Gateway.Isup;

/// <summary>
/// Automatic congestion level (Q.763 §3.4), 1 octet, optional in REL: the releasing exchange is congested (1 =
/// level 1 exceeded, 2 = level 2 exceeded), so the receiver should reduce traffic toward it (Q.764 §2.11).
/// </summary>
public readonly struct AutomaticCongestionLevel : IIsupParameter<AutomaticCongestionLevel>
{
    /// <summary>Creates the parameter.</summary>
    public AutomaticCongestionLevel(byte level) => Level = level;

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.AutomaticCongestionLevel;

    /// <summary>The congestion level; other values than 1 and 2 are spare but kept.</summary>
    public byte Level { get; }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out AutomaticCongestionLevel parameter)
    {
        parameter = value.Length == 1 ? new AutomaticCongestionLevel(value[0]) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = Level;
        return 1;
    }
}
