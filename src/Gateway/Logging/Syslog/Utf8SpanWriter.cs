using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Gateway.Logging;

/// <summary>
/// Appends bytes to a fixed span without ever overflowing it. Every Try method either writes
/// everything or reports failure (possibly after a partial write; callers roll back with
/// <see cref="Position"/>). <see cref="WriteUtf8Truncating"/> cuts on a scalar-value boundary.
/// </summary>
internal ref struct Utf8SpanWriter
{
    private readonly Span<byte> _destination;

    public Utf8SpanWriter(Span<byte> destination)
    {
        _destination = destination;
        Position = 0;
    }

    public int Position { get; set; }

    public readonly int Capacity => _destination.Length;

    public readonly int Remaining => _destination.Length - Position;

    public readonly ReadOnlySpan<byte> Written => _destination[..Position];

    public bool TryWrite(byte value)
    {
        if (Position >= _destination.Length)
        {
            return false;
        }

        _destination[Position++] = value;
        return true;
    }

    public bool TryWrite(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Remaining)
        {
            return false;
        }

        bytes.CopyTo(_destination[Position..]);
        Position += bytes.Length;
        return true;
    }

    public bool TryWriteFormatted<T>(T value, ReadOnlySpan<char> format = default)
        where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(_destination[Position..], out int written, format, CultureInfo.InvariantCulture))
        {
            return false;
        }

        Position += written;
        return true;
    }

    /// <summary>Writes two decimal digits, zero padded.</summary>
    public bool TryWriteTwoDigits(int value, byte pad = (byte)'0')
    {
        if (Remaining < 2)
        {
            return false;
        }

        _destination[Position++] = value < 10 ? pad : (byte)('0' + (value / 10));
        _destination[Position++] = (byte)('0' + (value % 10));
        return true;
    }

    /// <summary>Encodes all of <paramref name="chars"/> or returns false after writing what fit.</summary>
    public bool TryWriteUtf8(ReadOnlySpan<char> chars) => WriteUtf8Truncating(chars);

    /// <summary>
    /// Encodes as much of <paramref name="chars"/> as fits, never splitting a character's UTF-8
    /// sequence (or a surrogate pair). Returns false when something was cut.
    /// </summary>
    public bool WriteUtf8Truncating(ReadOnlySpan<char> chars)
    {
        OperationStatus status = Utf8.FromUtf16(
            chars, _destination[Position..], out _, out int written, replaceInvalidSequences: true);
        Position += written;
        return status == OperationStatus.Done;
    }
}
