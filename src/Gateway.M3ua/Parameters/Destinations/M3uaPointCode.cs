namespace Gateway.M3ua;

/// <summary>
/// A point code as M3UA's point code lists carry it (RFC 4666 §3.4.1): a 32-bit field with an 8-bit mask above a
/// 24-bit point code (14 bits used in ITU networks, all 24 in ANSI). A mask of n wildcards the n low bits of the
/// point code, so one entry can stand for a range of destinations.
/// </summary>
public readonly record struct M3uaPointCode
{
    /// <summary>The largest point code the 24-bit field holds.</summary>
    public const uint MaxPointCode = 0x00FF_FFFF;

    /// <summary>Creates the entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointCode"/> does not fit in 24 bits.</exception>
    public M3uaPointCode(uint pointCode, byte mask = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pointCode, MaxPointCode);
        PointCode = pointCode;
        Mask = mask;
    }

    /// <summary>The point code.</summary>
    public uint PointCode { get; }

    /// <summary>How many low bits of <see cref="PointCode"/> are wildcards; 0 for a single destination.</summary>
    public byte Mask { get; }

    /// <summary>The entry read from its 32-bit field.</summary>
    public static M3uaPointCode FromWord(uint word) => new(word & MaxPointCode, (byte)(word >> 24));

    /// <summary>The entry as its 32-bit field.</summary>
    public uint ToWord() => ((uint)Mask << 24) | PointCode;

    /// <summary>The point code, and the mask when there is one.</summary>
    public override string ToString() => Mask == 0 ? PointCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : FormattableString.Invariant($"{PointCode}/{Mask}");
}
