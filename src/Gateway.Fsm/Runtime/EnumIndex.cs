using System.Runtime.CompilerServices;

namespace Gateway.Fsm;

/// <summary>
/// Converts enum values to table indexes without boxing. <c>Unsafe.SizeOf</c> is a JIT-time constant for
/// an enum type argument, so each call compiles down to a single load.
/// </summary>
internal static class EnumIndex<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>
    /// The value reinterpreted as unsigned. A negative value becomes larger than any table built from it
    /// (tables are at most <see cref="StateMachineCompiler.MaxEnumValue"/> + 1 wide), so the caller's single
    /// bounds check rejects both negative and too-large values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ToIndex(TEnum value)
    {
        if (Unsafe.SizeOf<TEnum>() == sizeof(uint))
        {
            return Unsafe.As<TEnum, uint>(ref value);
        }

        if (Unsafe.SizeOf<TEnum>() == sizeof(byte))
        {
            return Unsafe.As<TEnum, byte>(ref value);
        }

        if (Unsafe.SizeOf<TEnum>() == sizeof(ushort))
        {
            return Unsafe.As<TEnum, ushort>(ref value);
        }

        ulong wide = Unsafe.As<TEnum, ulong>(ref value);
        return wide > uint.MaxValue ? uint.MaxValue : (uint)wide;
    }
}
