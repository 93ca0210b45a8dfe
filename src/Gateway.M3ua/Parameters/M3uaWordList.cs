using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// A parameter value that is a list of 32-bit fields — Routing Context, Affected Point Code, Originating Point Code
/// List — read in place: no array, no allocation, for the receive path. The typed views (<see cref="RoutingContext"/>,
/// <see cref="AffectedPointCode"/>…) copy the list into an array for callers that keep it.
/// </summary>
public readonly ref struct M3uaWordList
{
    private readonly ReadOnlySpan<byte> _value;

    /// <summary>Reads <paramref name="value"/>; octets after the last whole 32-bit field are ignored.</summary>
    public M3uaWordList(ReadOnlySpan<byte> value)
    {
        _value = value;
    }

    /// <summary>How many 32-bit fields the value holds.</summary>
    public int Count => _value.Length >> 2;

    /// <summary>The field at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public uint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return BinaryPrimitives.ReadUInt32BigEndian(_value.Slice(index << 2, 4));
        }
    }

    /// <summary>The field at <paramref name="index"/> read as a masked point code.</summary>
    public M3uaPointCode PointCodeAt(int index) => M3uaPointCode.FromWord(this[index]);
}
