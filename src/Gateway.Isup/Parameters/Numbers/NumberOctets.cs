namespace Gateway.Isup;

/// <summary>
/// What every number parameter shares (Q.763 §3.9 onwards): octet 1 holds the odd/even indicator and the nature of
/// address, octet 2 is the type's own indicators, then the packed address signals. The views differ only in octet 2.
/// </summary>
internal static class NumberOctets
{
    public static bool TryParse(ReadOnlySpan<byte> value, int start, out NatureOfAddress nature, out byte indicators, out string digits)
    {
        nature = default;
        indicators = 0;
        digits = string.Empty;
        if (value.Length < start + 2)
        {
            return false;
        }

        bool odd = (value[start] & 0x80) != 0;
        ReadOnlySpan<byte> signals = value[(start + 2)..];
        if (odd && signals.IsEmpty)
        {
            return false;
        }

        nature = (NatureOfAddress)(value[start] & 0x7F);
        indicators = value[start + 1];
        digits = IsupDigits.Decode(signals, odd);
        return true;
    }

    public static int GetLength(int start, string? digits) => start + 2 + IsupDigits.GetEncodedLength(digits?.Length ?? 0);

    public static int Write(Span<byte> destination, int start, NatureOfAddress nature, byte indicators, string? digits)
    {
        digits ??= string.Empty;
        int length = GetLength(start, digits);
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too small for the number.", nameof(destination));
        }

        destination[start] = (byte)((digits.Length % 2 == 1 ? 0x80 : 0) | ((byte)nature & 0x7F));
        destination[start + 1] = indicators;
        IsupDigits.Encode(digits, destination[(start + 2)..]);
        return length;
    }
}
