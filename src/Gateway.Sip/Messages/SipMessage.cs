using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// A parsed SIP request or response. It owns the buffer holding its bytes and exposes every part as a
/// zero-copy slice of it; strings are made only when asked for (<see cref="ToString"/>,
/// <see cref="GetHeaderString"/>). Produced by <see cref="SipParser"/>.
/// </summary>
/// <remarks>
/// <para>
/// Dispose the message when done: the buffer goes back to the pool it came from. Spans and memory obtained
/// from the message are valid until then; the accessors throw <see cref="ObjectDisposedException"/> after.
/// A message is not thread-safe; it is immutable, so concurrent reads before disposal are fine.
/// </para>
/// <para>
/// Header fields are kept in wire order with their names as received; values are raw (see
/// <see cref="SipHeaderField.Value"/>). The entries of up to <see cref="InlineHeaderCapacity"/> fields live
/// inside this object, so a parse allocates this object and nothing else; more spill to a pooled array.
/// </para>
/// </remarks>
public sealed class SipMessage : IDisposable
{
    /// <summary>How many header fields the message stores without renting an array for them.</summary>
    public const int InlineHeaderCapacity = 48;

    // A message that was parsed but never handed out (incomplete stream data, rejected input) is kept for the
    // next parse on the same thread, so that retrying a partial TCP read does not allocate each time. Messages
    // given to callers are never recycled: a disposed message that someone still references must not come
    // back to life holding another message's bytes.
    [ThreadStatic]
    private static SipMessage? t_spare;

    private byte[]? _buffer;
    private ArrayPool<byte>? _pool;
    private int _origin;
    private int _length;

    private bool _isRequest;
    private SipMethod _method;
    private SipMethod _cseqMethod;
    private bool _contentLengthUnusable;
    private int _startLineLength;
    private int _methodLength;
    private int _uriOffset;
    private int _uriLength;
    private int _versionOffset;
    private int _versionLength;
    private int _statusCode;
    private int _reasonOffset;
    private int _reasonLength;

    private int _headerCount;
    private SipHeaderEntry[]? _overflow;
    private int _bodyOffset;
    private int _bodyLength;
    private int _contentLength = -1;
    private int _maxForwards = -1;
    private int _cseqNumber = -1;
    private int _cseqMethodOffset;
    private int _cseqMethodLength;

    private SipHeaderIndex _index;
    private SipHeaderEntryBuffer _entries;

    private SipMessage()
    {
    }

    /// <summary>Whether this is a request (a Request-Line) rather than a response (a Status-Line).</summary>
    public bool IsRequest => _isRequest;

    /// <summary>Whether this is a response.</summary>
    public bool IsResponse => !_isRequest;

    /// <summary>The request method; <see cref="SipMethod.None"/> for a response.</summary>
    public SipMethod Method => _method;

    /// <summary>The method token as received (e.g. <c>INVITE</c>, or an extension method); empty for a response.</summary>
    public ReadOnlySpan<byte> MethodToken => Slice(0, _methodLength);

    /// <summary>The Request-URI exactly as received; empty for a response.</summary>
    public ReadOnlySpan<byte> RequestUri => Slice(_uriOffset, _uriLength);

    /// <summary>The Status-Code (100-699); 0 for a request.</summary>
    public int StatusCode => _statusCode;

    /// <summary>The Reason-Phrase as received (UTF-8, possibly empty); empty for a request.</summary>
    public ReadOnlySpan<byte> ReasonPhrase => Slice(_reasonOffset, _reasonLength);

    /// <summary>The SIP-Version as received (<c>SIP/2.0</c>, in any case).</summary>
    public ReadOnlySpan<byte> Version => Slice(_versionOffset, _versionLength);

    /// <summary>The start line without its CRLF.</summary>
    public ReadOnlySpan<byte> StartLine => Slice(0, _startLineLength);

    /// <summary>Number of header fields.</summary>
    public int HeaderCount => _headerCount;

    /// <summary>The header fields in wire order.</summary>
    public SipHeaderFieldCollection Headers => new(this);

    /// <summary>The raw Call-ID value; empty if absent.</summary>
    public ReadOnlySpan<byte> CallId => GetHeaderValue(SipHeaderName.CallId);

    /// <summary>The CSeq sequence number (0 to 2**31-1); -1 if CSeq is absent or invalid.</summary>
    public int CSeqNumber => _cseqNumber;

    /// <summary>The CSeq method; for a valid request it equals <see cref="Method"/>. <see cref="SipMethod.None"/> if CSeq is absent or invalid.</summary>
    public SipMethod CSeqMethod => _cseqMethod;

    /// <summary>The CSeq method token as received; empty if CSeq is absent or invalid.</summary>
    public ReadOnlySpan<byte> CSeqMethodToken => Slice(_cseqMethodOffset, _cseqMethodLength);

    /// <summary>The Max-Forwards value (0-255); -1 if absent or invalid.</summary>
    public int MaxForwards => _maxForwards;

    /// <summary>The Content-Length value; -1 if absent or invalid. Over UDP the body may be shorter only in a rejected message.</summary>
    public int ContentLength => _contentLength;

    /// <summary>The message body, byte-exact (SDP, or a binary ISUP or multipart body).</summary>
    public ReadOnlySpan<byte> Body => Slice(_bodyOffset, _bodyLength);

    /// <summary>The message body as memory, for consumers that need to hold on to it until the message is disposed.</summary>
    public ReadOnlyMemory<byte> BodyMemory => new(Buffer, _origin + _bodyOffset, _bodyLength);

    /// <summary>The whole message as received, start line to end of body.</summary>
    public ReadOnlySpan<byte> Span => Slice(0, _length);

    /// <summary>The whole message as memory.</summary>
    public ReadOnlyMemory<byte> Memory => new(Buffer, _origin, _length);

    /// <summary>Length of the message in bytes, start line to end of body.</summary>
    public int Length => _length;

    private byte[] Buffer => _buffer ?? ThrowDisposed();

    /// <summary>Whether at least one instance of the header is present.</summary>
    public bool Contains(SipHeaderName name) => FindFirst(name) >= 0;

    /// <summary>The raw value of the first instance of a known header.</summary>
    /// <returns>Whether the header is present; an empty value (e.g. <c>Subject:</c>) is present.</returns>
    public bool TryGetHeaderValue(SipHeaderName name, out ReadOnlySpan<byte> value)
    {
        int index = FindFirst(name);
        if (index < 0)
        {
            value = default;
            return false;
        }

        ref SipHeaderEntry entry = ref EntryAt(index);
        value = Slice(entry.ValueOffset, entry.ValueLength);
        return true;
    }

    /// <summary>The raw value of the first instance of a known header; empty if absent.</summary>
    public ReadOnlySpan<byte> GetHeaderValue(SipHeaderName name)
    {
        TryGetHeaderValue(name, out ReadOnlySpan<byte> value);
        return value;
    }

    /// <summary>
    /// The raw value of the first header with this name, in long or compact form, compared case-insensitively;
    /// works for unknown headers too. Empty if absent.
    /// </summary>
    public ReadOnlySpan<byte> GetHeaderValue(ReadOnlySpan<byte> name)
    {
        SipHeaderName id = SipHeaderNames.Identify(name);
        if (id != SipHeaderName.Unknown)
        {
            return GetHeaderValue(id);
        }

        for (int i = 0; i < _headerCount; i++)
        {
            ref SipHeaderEntry entry = ref EntryAt(i);
            if (entry.Id == SipHeaderName.Unknown && Ascii.EqualsIgnoreCase(Slice(entry.NameOffset, entry.NameLength), name))
            {
                return Slice(entry.ValueOffset, entry.ValueLength);
            }
        }

        return default;
    }

    /// <summary>The raw value of the first instance of a known header as memory; empty if absent.</summary>
    public ReadOnlyMemory<byte> GetHeaderValueMemory(SipHeaderName name)
    {
        int index = FindFirst(name);
        if (index < 0)
        {
            return default;
        }

        ref SipHeaderEntry entry = ref EntryAt(index);
        return new ReadOnlyMemory<byte>(Buffer, _origin + entry.ValueOffset, entry.ValueLength);
    }

    /// <summary>The raw values of every instance of a known header, in wire order.</summary>
    public SipHeaderValueCollection GetHeaderValues(SipHeaderName name) => new(this, name);

    /// <summary>The first value of a known header decoded as UTF-8; null if absent. Allocates the string.</summary>
    public string? GetHeaderString(SipHeaderName name) =>
        TryGetHeaderValue(name, out ReadOnlySpan<byte> value) ? Encoding.UTF8.GetString(value) : null;

    /// <summary>The header field at a position in wire order.</summary>
    public SipHeaderField GetHeaderField(int index)
    {
        if ((uint)index >= (uint)_headerCount)
        {
            ThrowIndexOutOfRange(index);
        }

        ref SipHeaderEntry entry = ref EntryAt(index);
        return new SipHeaderField(Slice(entry.NameOffset, entry.NameLength), Slice(entry.ValueOffset, entry.ValueLength), entry.Id);
    }

    /// <summary>
    /// Writes the message as received — start line, header fields in order and byte for byte (unknown ones
    /// included), empty line, body — to <paramref name="output"/>. Leading CRLF keep-alives and datagram bytes
    /// after the body are not part of the message and are not written. Allocates nothing.
    /// </summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Span);
    }

    /// <summary>The message decoded as UTF-8 (a binary body decodes to replacement characters); for diagnostics.</summary>
    public override string ToString() => _buffer is null ? "(disposed SipMessage)" : Encoding.UTF8.GetString(Span);

    /// <summary>Returns the buffer (and any spilled header array) to their pools. Safe to call more than once.</summary>
    public void Dispose()
    {
        byte[]? buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            _pool?.Return(buffer);
        }

        _pool = null;
        ReturnOverflow();
    }

    // ---- Construction, used by SipParser and SipHeaderSectionParser.

    internal static SipMessage Create()
    {
        SipMessage? spare = t_spare;
        if (spare is not null)
        {
            t_spare = null;
            return spare;
        }

        return new SipMessage();
    }

    /// <summary>Keeps a message that was never handed out for the next parse on this thread.</summary>
    internal static void Recycle(SipMessage message)
    {
        message.Reset();
        t_spare = message;
    }

    internal void Bind(byte[] buffer, int origin, int length, ArrayPool<byte>? pool)
    {
        _buffer = buffer;
        _origin = origin;
        _length = length;
        _pool = pool;
    }

    internal void SetStartLineLength(int length) => _startLineLength = length;

    internal void SetRequestMethod(int methodLength, SipMethod method)
    {
        _isRequest = true;
        _methodLength = methodLength;
        _method = method;
    }

    internal void SetRequestUri(int offset, int length)
    {
        _uriOffset = offset;
        _uriLength = length;
    }

    internal void SetVersion(int offset, int length)
    {
        _versionOffset = offset;
        _versionLength = length;
    }

    internal void MarkRequest() => _isRequest = true;

    internal int MethodLength => _methodLength;

    internal void SetStatusCode(int statusCode) => _statusCode = statusCode;

    internal void SetReasonPhrase(int offset, int length)
    {
        _reasonOffset = offset;
        _reasonLength = length;
    }

    internal void SetContentLength(int value) => _contentLength = value;

    internal void MarkContentLengthUnusable()
    {
        _contentLength = -1;
        _contentLengthUnusable = true;
    }

    /// <summary>Whether Content-Length was present exactly once and valid, so it frames the body.</summary>
    internal bool HasUsableContentLength => _contentLength >= 0 && !_contentLengthUnusable;

    internal bool ContentLengthUnusable => _contentLengthUnusable;

    internal void SetMaxForwards(int value) => _maxForwards = value;

    internal void SetCSeq(int number, int methodOffset, int methodLength, SipMethod method)
    {
        _cseqNumber = number;
        _cseqMethodOffset = methodOffset;
        _cseqMethodLength = methodLength;
        _cseqMethod = method;
    }

    internal void SetBody(int offset, int length)
    {
        _bodyOffset = offset;
        _bodyLength = length;
    }

    internal void AddHeader(int nameOffset, int nameLength, int valueOffset, int valueLength, SipHeaderName id)
    {
        int count = _headerCount;
        ref SipHeaderEntry entry = ref count < InlineHeaderCapacity && _overflow is null
            ? ref _entries[count]
            : ref OverflowSlot(count);
        entry.NameOffset = nameOffset;
        entry.NameLength = (ushort)nameLength;
        entry.ValueOffset = valueOffset;
        entry.ValueLength = valueLength;
        entry.Id = id;
        ref ushort first = ref _index[(int)id];
        if (first == 0)
        {
            first = (ushort)(count + 1);
        }

        _headerCount = count + 1;
    }

    internal int FindFirst(SipHeaderName name)
    {
        // Unknown has no index slot worth trusting (it would point at the first unknown header only).
        return name == SipHeaderName.Unknown ? -1 : _index[(int)name] - 1;
    }

    internal int FindNext(SipHeaderName name, int after)
    {
        for (int i = after + 1; i < _headerCount; i++)
        {
            if (EntryAt(i).Id == name)
            {
                return i;
            }
        }

        return -1;
    }

    private ref SipHeaderEntry EntryAt(int index) =>
        ref _overflow is null ? ref _entries[index] : ref _overflow[index];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref SipHeaderEntry OverflowSlot(int count)
    {
        // First spill: move the inline entries to a pooled array and keep appending there; later growth doubles.
        if (_overflow is null)
        {
            SipHeaderEntry[] spilled = ArrayPool<SipHeaderEntry>.Shared.Rent(InlineHeaderCapacity * 2);
            ((ReadOnlySpan<SipHeaderEntry>)_entries).CopyTo(spilled);
            _overflow = spilled;
        }
        else if (count == _overflow.Length)
        {
            SipHeaderEntry[] grown = ArrayPool<SipHeaderEntry>.Shared.Rent(count * 2);
            _overflow.AsSpan(0, count).CopyTo(grown);
            ArrayPool<SipHeaderEntry>.Shared.Return(_overflow);
            _overflow = grown;
        }

        return ref _overflow[count];
    }

    private void ReturnOverflow()
    {
        SipHeaderEntry[]? overflow = _overflow;
        _overflow = null;
        if (overflow is not null)
        {
            ArrayPool<SipHeaderEntry>.Shared.Return(overflow);
        }
    }

    private void Reset()
    {
        // Only ever called on a message that was never handed out, so it holds no caller-visible buffer.
        _buffer = null;
        _pool = null;
        ReturnOverflow();
        _origin = _length = 0;
        _isRequest = false;
        _method = _cseqMethod = SipMethod.None;
        _contentLengthUnusable = false;
        _startLineLength = _methodLength = _uriOffset = _uriLength = _versionOffset = _versionLength = 0;
        _statusCode = _reasonOffset = _reasonLength = 0;
        _headerCount = _bodyOffset = _bodyLength = 0;
        _contentLength = _maxForwards = _cseqNumber = -1;
        _cseqMethodOffset = _cseqMethodLength = 0;
        ((Span<ushort>)_index).Clear();
    }

    private ReadOnlySpan<byte> Slice(int offset, int length) => new(Buffer, _origin + offset, length);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] ThrowDisposed() => throw new ObjectDisposedException(nameof(SipMessage));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIndexOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "No header field at this position.");
}
