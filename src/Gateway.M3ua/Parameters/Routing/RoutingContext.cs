using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Routing Context (RFC 4666 §3.3.1, tag 0x0006): one or more 32-bit values, each naming an Application Server (a
/// Routing Key) agreed between SGP and ASP. DATA carries exactly one; ASPAC, ASPIA, NTFY, the SSNM messages and
/// DEREG REQ may carry several. Parsing copies the values into an array; <see cref="M3uaWordList"/> reads them in place.
/// </summary>
public readonly struct RoutingContext : IM3uaParameter<RoutingContext>, IEquatable<RoutingContext>
{
    private readonly uint[]? _values;

    /// <summary>Creates the parameter with one value.</summary>
    public RoutingContext(uint value)
    {
        _values = [value];
    }

    /// <summary>Creates the parameter with several values, copied.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty: the parameter holds at least one.</exception>
    public RoutingContext(params ReadOnlySpan<uint> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("A Routing Context holds at least one value.", nameof(values));
        }

        _values = values.ToArray();
    }

    private RoutingContext(uint[] values, bool owned)
    {
        _ = owned;
        _values = values;
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.RoutingContext;

    /// <summary>The values, in wire order.</summary>
    public IReadOnlyList<uint> Values => _values ?? [];

    /// <inheritdoc/>
    public int EncodedLength => (_values?.Length ?? 0) * 4;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out RoutingContext parameter)
    {
        if (value.Length < 4 || (value.Length & 3) != 0)
        {
            parameter = default;
            return false;
        }

        var list = new M3uaWordList(value);
        var values = new uint[list.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = list[i];
        }

        parameter = new RoutingContext(values, owned: true);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        uint[] values = _values ?? [];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], values[i]);
        }

        return values.Length * 4;
    }

    /// <inheritdoc/>
    public bool Equals(RoutingContext other) => ((ReadOnlySpan<uint>)_values).SequenceEqual(other._values);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RoutingContext other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _values is { Length: > 0 } v ? HashCode.Combine(v.Length, v[0]) : 0;

    /// <summary>The values, comma-separated.</summary>
    public override string ToString() => string.Join(",", Values);
}
