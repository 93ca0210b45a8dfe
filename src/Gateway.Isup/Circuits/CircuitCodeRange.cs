using System.Globalization;

namespace Gateway.Isup;

/// <summary>An inclusive range of equipped circuit identification codes (ITU: 12 bits, 0–4095).</summary>
/// <param name="First">The lowest CIC.</param>
/// <param name="Last">The highest CIC, at least <paramref name="First"/>.</param>
public readonly record struct CircuitCodeRange(int First, int Last)
{
    /// <summary>The highest ITU CIC (Q.763 §1.2: 12 bits).</summary>
    public const int MaxCic = 4095;

    /// <summary>How many circuits the range holds.</summary>
    public int Count => Last - First + 1;

    /// <summary>Whether <paramref name="cic"/> is in the range.</summary>
    public bool Contains(int cic) => cic >= First && cic <= Last;

    /// <summary><c>"1-31"</c>, or <c>"5"</c> for one circuit.</summary>
    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
