using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>Lays out single parameters (tag, length, value, zero padding) for the group views, which write their content without a writer.</summary>
internal static class M3uaTlv
{
    /// <summary>Octets a parameter with a value of <paramref name="valueLength"/> takes, padding included.</summary>
    public static int PaddedLength(int valueLength) => (valueLength + 7) & ~3;

    /// <summary>Writes a parameter holding one 32-bit field at <paramref name="position"/>, which moves past it.</summary>
    public static void WriteWord(Span<byte> destination, ref int position, M3uaParameterTag tag, uint value)
    {
        Span<byte> target = Begin(destination, ref position, tag, 4);
        BinaryPrimitives.WriteUInt32BigEndian(target, value);
    }

    /// <summary>Writes a parameter holding <paramref name="value"/> at <paramref name="position"/>, which moves past it.</summary>
    public static void WriteBytes(Span<byte> destination, ref int position, M3uaParameterTag tag, ReadOnlySpan<byte> value) =>
        value.CopyTo(Begin(destination, ref position, tag, value.Length));

    /// <summary>Writes a parameter holding a list of 32-bit fields.</summary>
    public static void WriteWords(Span<byte> destination, ref int position, M3uaParameterTag tag, IReadOnlyList<M3uaPointCode> pointCodes)
    {
        Span<byte> target = Begin(destination, ref position, tag, pointCodes.Count * 4);
        for (int i = 0; i < pointCodes.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target[(i * 4)..], pointCodes[i].ToWord());
        }
    }

    // Tag, length and zeroed padding; returns where the value goes.
    private static Span<byte> Begin(Span<byte> destination, ref int position, M3uaParameterTag tag, int valueLength)
    {
        Span<byte> parameter = destination.Slice(position, PaddedLength(valueLength));
        BinaryPrimitives.WriteUInt16BigEndian(parameter, (ushort)tag);
        BinaryPrimitives.WriteUInt16BigEndian(parameter[2..], (ushort)(valueLength + 4));
        parameter[(4 + valueLength)..].Clear();
        position += parameter.Length;
        return parameter.Slice(4, valueLength);
    }
}
