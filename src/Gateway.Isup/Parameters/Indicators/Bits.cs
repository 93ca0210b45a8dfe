using System.Runtime.CompilerServices;

namespace Gateway.Isup;

/// <summary>Bit fields of indicator octets, numbered as Q.763 does from bit 1 (here 0) up: what every indicator view shares.</summary>
internal static class Bits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Get(byte octet, int bit) => (octet & (1 << bit)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Get(byte octet, int lowest, int width) => (octet >> lowest) & ((1 << width) - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Set(byte octet, int bit, bool value) => value ? (byte)(octet | (1 << bit)) : (byte)(octet & ~(1 << bit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Set(byte octet, int lowest, int width, int value)
    {
        int mask = ((1 << width) - 1) << lowest;
        return (byte)((octet & ~mask) | ((value << lowest) & mask));
    }
}
