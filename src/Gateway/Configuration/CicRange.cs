using System.Globalization;

namespace Gateway.Configuration;

/// <summary>An inclusive range of circuit identification codes, written <c>"1-31"</c> or <c>"5"</c>.</summary>
public readonly record struct CicRange(int First, int Last)
{
    /// <summary>ITU-T Q.763 §1.2: the CIC is 12 bits.</summary>
    public const int MaxCic = 4095;

    public int Count => Last - First + 1;

    public bool Contains(int cic) => cic >= First && cic <= Last;

    public bool Overlaps(CicRange other) => First <= other.Last && other.First <= Last;

    public static bool TryParse(string text, out CicRange range)
    {
        range = default;
        int dash = text.IndexOf('-');
        ReadOnlySpan<char> first = dash < 0 ? text : text.AsSpan(0, dash);
        ReadOnlySpan<char> last = dash < 0 ? text : text.AsSpan(dash + 1);
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int a)
            || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out int b)
            || a > b || b > MaxCic)
        {
            return false;
        }
        range = new CicRange(a, b);
        return true;
    }

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
