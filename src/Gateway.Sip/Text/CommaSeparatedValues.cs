namespace Gateway.Sip;

/// <summary>
/// Enumerates the comma-separated elements of a list-valued header value (Via, Contact, Route, Reason, Accept...),
/// splitting only on top-level commas: a comma inside a quoted-string (with its quoted-pairs) or between
/// <c>&lt;</c> and <c>&gt;</c> belongs to the element. Each element is trimmed of linear whitespace; an empty
/// element (<c>a,,b</c> or a trailing comma) is produced as an empty span so that parsers can reject it. A value that
/// is empty or only whitespace has no elements at all.
/// </summary>
/// <example><code>foreach (ReadOnlySpan&lt;byte&gt; element in new CommaSeparatedValues(value)) { ... }</code></example>
public ref struct CommaSeparatedValues
{
    private readonly ReadOnlySpan<byte> _value;
    private int _next;
    private int _currentStart;
    private int _currentEnd;

    /// <summary>Starts enumerating <paramref name="value"/>.</summary>
    public CommaSeparatedValues(ReadOnlySpan<byte> value)
    {
        _value = value;
        _next = SipSyntax.TrimLinearWhitespace(value).IsEmpty ? -1 : 0;
        _currentStart = 0;
        _currentEnd = 0;
    }

    /// <summary>The current element, trimmed.</summary>
    public readonly ReadOnlySpan<byte> Current => _value[_currentStart.._currentEnd];

    /// <summary>Where the current element lies in the value, trimmed.</summary>
    public readonly Range CurrentRange => _currentStart.._currentEnd;

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    public readonly CommaSeparatedValues GetEnumerator() => this;

    /// <summary>Moves to the next element.</summary>
    public bool MoveNext()
    {
        if (_next < 0)
        {
            return false;
        }

        int start = _next;
        int i = start;
        bool inQuotes = false;
        bool inBrackets = false;
        while (i < _value.Length)
        {
            byte b = _value[i];
            if (inQuotes)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inQuotes = false;
                }
            }
            else if (b == (byte)'"')
            {
                inQuotes = true;
            }
            else if (b == (byte)'<')
            {
                inBrackets = true;
            }
            else if (b == (byte)'>')
            {
                inBrackets = false;
            }
            else if (b == (byte)',' && !inBrackets)
            {
                break;
            }

            i++;
        }

        int end = Math.Min(i, _value.Length);
        _next = end < _value.Length ? end + 1 : -1;

        // Trim the element in place so that Current is a slice of the original value.
        int s = start;
        while (s < end && IsTrimmable(_value[s]))
        {
            s++;
        }

        int e = end;
        while (e > s && IsTrimmable(_value[e - 1]))
        {
            e--;
        }

        _currentStart = s;
        _currentEnd = e;
        return true;
    }

    private static bool IsTrimmable(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';
}
