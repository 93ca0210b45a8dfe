using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gateway.Logging;

/// <summary>
/// A reusable <see cref="TextWriter"/> over a pooled <c>char[]</c> whose content is exposed as a span.
/// Used by the formatters to render a message once per event without allocating a new string.
/// Characters past <see cref="Limit"/> are discarded (the caller cuts to a byte budget anyway).
/// Not thread-safe: one instance per writer thread.
/// </summary>
internal sealed class PooledTextWriter : TextWriter
{
    private char[] _buffer;
    private int _length;

    public PooledTextWriter(int initialCapacity = 256, int limit = int.MaxValue)
        : base(CultureInfo.InvariantCulture)
    {
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, initialCapacity));
        Limit = limit;
    }

    /// <summary>Maximum number of characters kept; further characters are silently dropped.</summary>
    public int Limit { get; set; }

    /// <summary>True when characters were dropped because of <see cref="Limit"/> since the last <see cref="Clear"/>.</summary>
    public bool Truncated { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public int Length => _length;

    public Span<char> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        Truncated = false;
    }

    public override void Write(char value)
    {
        if (_length >= Limit)
        {
            Truncated = true;
            return;
        }

        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        int room = Limit - _length;
        if (buffer.Length > room)
        {
            Truncated = true;
            buffer = buffer[..Math.Max(0, room)];
        }

        if (buffer.IsEmpty)
        {
            return;
        }

        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(char[]? buffer) => Write(buffer.AsSpan());

    public override string ToString() => new(WrittenSpan);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            char[] old = _buffer;
            _buffer = [];
            _length = 0;
            if (old.Length > 0)
            {
                ArrayPool<char>.Shared.Return(old);
            }
        }

        base.Dispose(disposing);
    }

    private void Grow(int needed)
    {
        int newSize = Math.Max(_buffer.Length * 2, _length + needed);
        char[] next = ArrayPool<char>.Shared.Rent(newSize);
        _buffer.AsSpan(0, _length).CopyTo(next);
        char[] old = _buffer;
        _buffer = next;
        if (old.Length > 0)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
