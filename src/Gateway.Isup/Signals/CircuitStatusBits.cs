using System.Numerics;
using System.Text;

namespace Gateway.Isup;

/// <summary>
/// The status field of a range and status parameter (Q.763 §3.43): one bit per circuit of the range, bit 0 for the
/// CIC in the message, bit <c>i</c> for CIC + <c>i</c>. A range covers at most 256 circuits, so the bits are four
/// words in a value type: building and reading them allocates nothing.
/// </summary>
/// <remarks>
/// What a 1 means depends on the message: GRA — locally blocked for maintenance at the sender; CGB/CGU — block or
/// unblock this circuit; CGBA/CGUA — this circuit was acted on.
/// </remarks>
public readonly struct CircuitStatusBits : IEquatable<CircuitStatusBits>
{
    /// <summary>The most circuits one range covers (range value 255).</summary>
    public const int Capacity = 256;

    private readonly ulong _word0;
    private readonly ulong _word1;
    private readonly ulong _word2;
    private readonly ulong _word3;

    private CircuitStatusBits(ulong word0, ulong word1, ulong word2, ulong word3)
    {
        _word0 = word0;
        _word1 = word1;
        _word2 = word2;
        _word3 = word3;
    }

    /// <summary>No bit set.</summary>
    public static CircuitStatusBits None => default;

    /// <summary>How many bits are set.</summary>
    public int Count =>
        BitOperations.PopCount(_word0) + BitOperations.PopCount(_word1) + BitOperations.PopCount(_word2) + BitOperations.PopCount(_word3);

    /// <summary>True when no bit is set.</summary>
    public bool IsEmpty => (_word0 | _word1 | _word2 | _word3) == 0;

    /// <summary>Whether the bit of the circuit at <paramref name="index"/> (0 = the CIC in the message) is set.</summary>
    public bool this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
            return (Word(index >> 6) & (1UL << (index & 63))) != 0;
        }
    }

    /// <summary>The first <paramref name="count"/> bits set.</summary>
    public static CircuitStatusBits FirstCircuits(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Capacity);
        var bits = None;
        for (int i = 0; i < count; i++)
        {
            bits = bits.With(i);
        }

        return bits;
    }

    /// <summary>These bits with the bit at <paramref name="index"/> set.</summary>
    public CircuitStatusBits With(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        ulong bit = 1UL << (index & 63);
        return (index >> 6) switch
        {
            0 => new CircuitStatusBits(_word0 | bit, _word1, _word2, _word3),
            1 => new CircuitStatusBits(_word0, _word1 | bit, _word2, _word3),
            2 => new CircuitStatusBits(_word0, _word1, _word2 | bit, _word3),
            _ => new CircuitStatusBits(_word0, _word1, _word2, _word3 | bit),
        };
    }

    /// <summary>Only the bits of the first <paramref name="count"/> circuits (those a range of that size covers).</summary>
    public CircuitStatusBits Truncate(int count)
    {
        var kept = None;
        for (int i = 0; i < count && i < Capacity; i++)
        {
            if (this[i])
            {
                kept = kept.With(i);
            }
        }

        return kept;
    }

    /// <inheritdoc/>
    public bool Equals(CircuitStatusBits other) =>
        _word0 == other._word0 && _word1 == other._word1 && _word2 == other._word2 && _word3 == other._word3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CircuitStatusBits other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_word0, _word1, _word2, _word3);

    /// <summary>The bits as a string, bit 0 first, up to the last bit set (for logs and test failures).</summary>
    public override string ToString()
    {
        int last = -1;
        for (int i = 0; i < Capacity; i++)
        {
            if (this[i])
            {
                last = i;
            }
        }

        var text = new StringBuilder(last + 1);
        for (int i = 0; i <= last; i++)
        {
            text.Append(this[i] ? '1' : '0');
        }

        return text.Length == 0 ? "none" : text.ToString();
    }

    public static bool operator ==(CircuitStatusBits left, CircuitStatusBits right) => left.Equals(right);

    public static bool operator !=(CircuitStatusBits left, CircuitStatusBits right) => !left.Equals(right);

    private ulong Word(int word) => word switch
    {
        0 => _word0,
        1 => _word1,
        2 => _word2,
        _ => _word3,
    };
}
