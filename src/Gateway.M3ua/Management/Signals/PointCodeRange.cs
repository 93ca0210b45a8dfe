namespace Gateway.M3ua;

/// <summary>
/// One entry of the Affected Point Code parameter (RFC 4666 §3.4.1): a point code and a mask. The mask is the number of
/// low-order bits of the point code that are wildcards, so one entry can name a contiguous block of 2^mask point codes
/// (a mask of 3 on 0x1230 covers 0x1230–0x1237); 0 names exactly one point code.
/// </summary>
/// <param name="PointCode">The point code, right-aligned (ITU: 14 bits; ANSI: 24).</param>
/// <param name="Mask">How many low-order bits are wildcards, 0–24.</param>
public readonly record struct PointCodeRange(int PointCode, byte Mask = 0)
{
    /// <summary>The parameter's 32-bit wire value: mask in the top octet, point code in the 24 bits below.</summary>
    public uint WireValue => ((uint)Mask << 24) | ((uint)PointCode & 0x00FF_FFFF);

    /// <summary>Whether <paramref name="pointCode"/> lies in the block this entry names.</summary>
    public bool Covers(int pointCode)
    {
        // A mask wider than a point code would wildcard everything; clamp rather than shift by 32 or more.
        int wildcard = Math.Min((int)Mask, 24);
        uint significant = 0x00FF_FFFFu & ~((1u << wildcard) - 1);
        return (((uint)pointCode ^ (uint)PointCode) & significant) == 0;
    }

    /// <summary>The entry a 32-bit wire value carries.</summary>
    public static PointCodeRange FromWireValue(uint value) => new((int)(value & 0x00FF_FFFF), (byte)(value >> 24));

    /// <inheritdoc/>
    public override string ToString() => Mask == 0 ? PointCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{PointCode}/{Mask}";
}
