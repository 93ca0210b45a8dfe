namespace Gateway.Sip;

/// <summary>The header fields of a message in wire order; enumerating it allocates nothing.</summary>
public readonly struct SipHeaderFieldCollection
{
    private readonly SipMessage _message;

    internal SipHeaderFieldCollection(SipMessage message) => _message = message;

    /// <summary>Number of header fields.</summary>
    public int Count => _message.HeaderCount;

    /// <summary>The field at a position in wire order.</summary>
    public SipHeaderField this[int index] => _message.GetHeaderField(index);

    /// <summary>Returns a struct enumerator over the fields in wire order.</summary>
    public Enumerator GetEnumerator() => new(_message);

    /// <summary>Enumerates header fields in wire order without allocating.</summary>
    public struct Enumerator
    {
        private readonly SipMessage _message;
        private int _index;

        internal Enumerator(SipMessage message)
        {
            _message = message;
            _index = -1;
        }

        /// <summary>The current field.</summary>
        public readonly SipHeaderField Current => _message.GetHeaderField(_index);

        /// <summary>Advances to the next field.</summary>
        public bool MoveNext() => ++_index < _message.HeaderCount;
    }
}
