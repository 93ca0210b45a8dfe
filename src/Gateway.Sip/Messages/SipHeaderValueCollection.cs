namespace Gateway.Sip;

/// <summary>
/// The values of every instance of one known header, in wire order (e.g. each Via line). A comma-separated
/// list within one instance is a single raw value: splitting it needs the header's grammar (quoted strings,
/// URIs), which the typed header parsers own.
/// </summary>
public readonly struct SipHeaderValueCollection
{
    private readonly SipMessage _message;
    private readonly SipHeaderName _name;

    internal SipHeaderValueCollection(SipMessage message, SipHeaderName name)
    {
        _message = message;
        _name = name;
    }

    /// <summary>Number of instances (counted by a scan of the header entries).</summary>
    public int Count
    {
        get
        {
            int count = 0;
            for (int i = _message.FindFirst(_name); i >= 0; i = _message.FindNext(_name, i))
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>Returns a struct enumerator over the values.</summary>
    public Enumerator GetEnumerator() => new(_message, _name);

    /// <summary>Enumerates the values of one header without allocating.</summary>
    public struct Enumerator
    {
        private readonly SipMessage _message;
        private readonly SipHeaderName _name;
        private int _index;

        internal Enumerator(SipMessage message, SipHeaderName name)
        {
            _message = message;
            _name = name;
            _index = -2;
        }

        /// <summary>The current value.</summary>
        public readonly ReadOnlySpan<byte> Current => _message.GetHeaderField(_index).Value;

        /// <summary>Advances to the next instance.</summary>
        public bool MoveNext()
        {
            _index = _index == -2 ? _message.FindFirst(_name) : _message.FindNext(_name, _index);
            return _index >= 0;
        }
    }
}
