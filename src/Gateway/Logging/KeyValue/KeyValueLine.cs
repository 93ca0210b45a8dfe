using System.Buffers;
using System.Globalization;

namespace Gateway.Logging;

/// <summary>
/// Builds an operator log line of <c>key=value</c> pairs, e.g.
/// <c>event=answer call=42 cid="a b" cic=17 dpc=2-100-3 dir=sip-to-isup state=active cause=- reason=-</c>.
/// <see cref="Add(string, ReadOnlySpan{char})"/> appends <c> key=value</c> (the separating space is left out
/// for the first item). Quoting rules: a value that is empty or null is written as <c>-</c>; a value
/// that contains a space, <c>"</c>, <c>=</c>, any other whitespace or control character, or is
/// exactly <c>-</c>, is enclosed in double quotes with <c>"</c> and <c>\</c> escaped by a backslash
/// (and CR, LF, TAB as <c>\r</c>, <c>\n</c>, <c>\t</c>, other controls as <c>\uXXXX</c>); everything else
/// is written as is. Keys are written as is except that space, <c>=</c>, <c>"</c> and controls become <c>_</c>.
/// Numbers use the invariant culture.
/// </summary>
/// <remarks>
/// A <c>ref struct</c> over a caller-provided buffer (typically <c>stackalloc char[256]</c>) that
/// grows into <see cref="ArrayPool{T}"/> when needed; call <see cref="Dispose"/> (a <c>using</c>)
/// to return a rented array.
/// </remarks>
public ref struct KeyValueLine
{
    private const string NilValue = "-";

    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    /// <summary>Starts an empty line over <paramref name="initialBuffer"/>.</summary>
    public KeyValueLine(Span<char> initialBuffer)
    {
        _chars = initialBuffer;
        _rented = null;
        _length = 0;
    }

    /// <summary>Number of characters written.</summary>
    public readonly int Length => _length;

    /// <summary>The line so far.</summary>
    public readonly ReadOnlySpan<char> AsSpan() => _chars[.._length];

    /// <summary>Appends <c> key=value</c>; null or empty values are written as <c>-</c>.</summary>
    public void Add(string key, string? value) => Add(key, value.AsSpan());

    /// <summary>Appends <c> key=value</c>; an empty value is written as <c>-</c>.</summary>
    public void Add(string key, scoped ReadOnlySpan<char> value)
    {
        AppendKey(key);
        AppendValue(value);
    }

    /// <summary>Appends <c> key=value</c> with the value formatted in the invariant culture.</summary>
    public void Add<T>(string key, T value)
        where T : ISpanFormattable
    {
        if (value is null)
        {
            Add(key, ReadOnlySpan<char>.Empty);
            return;
        }

        Span<char> scratch = stackalloc char[64];
        if (value.TryFormat(scratch, out int written, default, CultureInfo.InvariantCulture))
        {
            Add(key, scratch[..written]);
        }
        else
        {
            Add(key, value.ToString(null, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Appends <c> key=value</c>; null is written as <c>-</c>.</summary>
    public void Add<T>(string key, T? value)
        where T : struct, ISpanFormattable
    {
        if (value is { } present)
        {
            Add(key, present);
        }
        else
        {
            Add(key, ReadOnlySpan<char>.Empty);
        }
    }

    /// <summary>Appends free text as is (e.g. a leading message); a space separates it from what came before.</summary>
    public void AddText(scoped ReadOnlySpan<char> text)
    {
        if (_length > 0)
        {
            Append(' ');
        }

        Append(text);
    }

    /// <summary>The line as a string.</summary>
    public override readonly string ToString() => new(AsSpan());

    /// <summary>Returns a rented buffer to the pool; the line is empty afterwards.</summary>
    public void Dispose()
    {
        char[]? rented = _rented;
        _rented = null;
        _chars = default;
        _length = 0;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>True when <paramref name="value"/> must be written quoted.</summary>
    internal static bool NeedsQuotes(ReadOnlySpan<char> value)
    {
        if (value is NilValue)
        {
            return true;
        }

        foreach (char c in value)
        {
            if (c is ' ' or '"' or '=' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private void AppendKey(string key)
    {
        if (_length > 0)
        {
            Append(' ');
        }

        if (string.IsNullOrEmpty(key))
        {
            Append('_');
        }
        else
        {
            foreach (char c in key)
            {
                Append(c is ' ' or '=' or '"' || char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c);
            }
        }

        Append('=');
    }

    private void AppendValue(scoped ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            Append(NilValue);
            return;
        }

        if (!NeedsQuotes(value))
        {
            Append(value);
            return;
        }

        Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    Append("\\\"");
                    break;
                case '\\':
                    Append("\\\\");
                    break;
                case '\r':
                    Append("\\r");
                    break;
                case '\n':
                    Append("\\n");
                    break;
                case '\t':
                    Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        Append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4)
                        {
                            Append("0123456789abcdef"[(c >> shift) & 0xF]);
                        }
                    }
                    else
                    {
                        Append(c);
                    }

                    break;
            }
        }

        Append('"');
    }

    private void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    private void Append(scoped ReadOnlySpan<char> text)
    {
        if (_chars.Length - _length < text.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    private void Grow(int needed)
    {
        int size = Math.Max(Math.Max(_chars.Length * 2, 64), _length + needed);
        char[] next = ArrayPool<char>.Shared.Rent(size);
        _chars[.._length].CopyTo(next);
        char[]? old = _rented;
        _chars = next;
        _rented = next;
        if (old is not null)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
