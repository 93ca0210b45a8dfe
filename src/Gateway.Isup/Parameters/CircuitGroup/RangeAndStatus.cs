namespace Gateway.Isup;

/// <summary>
/// Range and status (Q.763 §3.43): the circuits a group message covers, from the message's CIC up to CIC + range,
/// and for CGB, CGU, their acknowledgements and GRA one status bit per circuit (bit 1 of the first status octet is
/// the message's own CIC). GRS and CQM carry the range alone.
/// </summary>
public readonly struct RangeAndStatus : IIsupParameter<RangeAndStatus>
{
    private readonly byte[]? _status;

    /// <summary>Creates the parameter.</summary>
    /// <param name="range">The range code: circuits covered minus one.</param>
    /// <param name="status">The status octets, or null for the range alone (GRS, CQM).</param>
    /// <exception cref="ArgumentException">The status has not exactly one bit per circuit, rounded up to whole octets.</exception>
    public RangeAndStatus(byte range, byte[]? status = null)
    {
        if (status is not null && status.Length != GetStatusLength(range))
        {
            throw new ArgumentException($"A range of {range} needs {GetStatusLength(range)} status octets.", nameof(status));
        }

        Range = range;
        _status = status;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.RangeAndStatus;

    /// <summary>The range code.</summary>
    public byte Range { get; }

    /// <summary>Circuits covered: the range code plus one.</summary>
    public int CircuitCount => Range + 1;

    /// <summary>Whether a status field is present.</summary>
    public bool HasStatus => _status is not null;

    /// <summary>The status octets (empty without a status field).</summary>
    public ReadOnlyMemory<byte> Status => _status;

    /// <inheritdoc/>
    public int EncodedLength => 1 + (_status?.Length ?? 0);

    /// <summary>Status octets for <paramref name="range"/>: one bit per circuit, rounded up to whole octets.</summary>
    public static int GetStatusLength(byte range) => (range + 8) / 8;

    /// <summary>Creates a range and status with one status bit per element of <paramref name="circuits"/> (1 to 256 circuits).</summary>
    public static RangeAndStatus FromCircuits(ReadOnlySpan<bool> circuits)
    {
        if (circuits.Length is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(circuits), "A range covers 1 to 256 circuits.");
        }

        byte range = (byte)(circuits.Length - 1);
        byte[] status = new byte[GetStatusLength(range)];
        for (int i = 0; i < circuits.Length; i++)
        {
            if (circuits[i])
            {
                status[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return new RangeAndStatus(range, status);
    }

    /// <summary>The status bit of the circuit at CIC + <paramref name="index"/>.</summary>
    public bool IsSet(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CircuitCount);
        return _status is not null && (_status[index >> 3] & (1 << (index & 7))) != 0;
    }

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out RangeAndStatus parameter)
    {
        parameter = default;
        if (value.IsEmpty || (value.Length > 1 && value.Length - 1 != GetStatusLength(value[0])))
        {
            return false;
        }

        parameter = new RangeAndStatus(value[0], value.Length > 1 ? value[1..].ToArray() : null);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too small for the range and status.", nameof(destination));
        }

        destination[0] = Range;
        _status?.CopyTo(destination[1..]);
        return length;
    }
}
