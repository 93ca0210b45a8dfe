using System.Runtime.CompilerServices;

namespace Gateway.Isup;

/// <summary>
/// Address signals as Q.763 §3.9 packs them: two per octet, the first in the low nibble, a 0000 filler in the high
/// nibble of the last octet when the count is odd. As text each signal is one hexadecimal character: 0–9, B and C
/// for codes 11 and 12, F for ST (end of pulsing), the way Wireshark prints them, so every nibble survives a round trip.
/// </summary>
public static class IsupDigits
{
    private const string Signals = "0123456789ABCDEF";

    /// <summary>The number of address signals in <paramref name="octets"/>.</summary>
    public static int Count(ReadOnlySpan<byte> octets, bool odd) => octets.IsEmpty ? 0 : (octets.Length * 2) - (odd ? 1 : 0);

    /// <summary>The address signals of <paramref name="octets"/> as text.</summary>
    public static string Decode(ReadOnlySpan<byte> octets, bool odd)
    {
        int count = Count(octets, odd);
        if (count == 0)
        {
            return string.Empty;
        }

        Span<char> text = count <= 512 ? stackalloc char[count] : new char[count];
        Decode(octets, text);
        return new string(text);
    }

    /// <summary>Writes the first <c>destination.Length</c> address signals of <paramref name="octets"/> as text, allocating nothing.</summary>
    public static void Decode(ReadOnlySpan<byte> octets, Span<char> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            int octet = octets[i >> 1];
            destination[i] = Signals[(i & 1) == 0 ? octet & 0x0F : octet >> 4];
        }
    }

    /// <summary>Whether every character is an address signal (a hexadecimal digit, either case).</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        foreach (char c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Octets needed for <paramref name="count"/> address signals.</summary>
    public static int GetEncodedLength(int count) => (count + 1) / 2;

    /// <summary>Packs <paramref name="digits"/> into <paramref name="destination"/>; returns the octets written.</summary>
    /// <exception cref="ArgumentException">A character is not an address signal, or the destination is too small.</exception>
    public static int Encode(ReadOnlySpan<char> digits, Span<byte> destination)
    {
        int length = GetEncodedLength(digits.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too small for the digits.", nameof(destination));
        }

        // Two signals per octet, first in the low nibble; an odd count leaves the 0000 filler in the last high nibble.
        int pairs = digits.Length >> 1;
        for (int i = 0; i < pairs; i++)
        {
            destination[i] = (byte)(Nibble(digits[2 * i]) | (Nibble(digits[(2 * i) + 1]) << 4));
        }

        if ((digits.Length & 1) != 0)
        {
            destination[pairs] = (byte)Nibble(digits[^1]);
        }

        return length;
    }

    /// <summary>Throws when <paramref name="digits"/> cannot be packed into one parameter after <paramref name="header"/> octets.</summary>
    internal static string Check(string digits, int header, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(digits, parameterName);
        if (!IsValid(digits))
        {
            throw new ArgumentException("Address signals are hexadecimal digits (0-9, B, C, F for ST).", parameterName);
        }

        if (header + GetEncodedLength(digits.Length) > 255)
        {
            throw new ArgumentException("Too many address signals for one parameter.", parameterName);
        }

        return digits.ToUpperInvariant();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Nibble(char c)
    {
        uint digit = (uint)(c - '0');
        if (digit <= 9)
        {
            return (int)digit;
        }

        uint letter = (uint)((c | 0x20) - 'a');
        return letter <= 5 ? (int)letter + 10 : ThrowNotASignal(c);
    }

    private static int ThrowNotASignal(char c) => throw new ArgumentException($"'{c}' is not an address signal.");
}
