using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using static Gateway.Sip.SipCharacters;
using static Gateway.Sip.SipWireSyntax;

namespace Gateway.Sip;

/// <summary>
/// Writes a SIP message straight into an <see cref="IBufferWriter{T}"/>, in the manner of Utf8JsonWriter:
/// a start line, header fields in the order written, then the body. It allocates nothing beyond what the
/// buffer writer hands out.
/// </summary>
/// <remarks>
/// <para>
/// Order: <see cref="WriteRequestLine(SipMethod, ReadOnlySpan{byte})"/> or <see cref="WriteStatusLine(int, ReadOnlySpan{byte})"/>,
/// any number of <c>WriteHeader</c>, then either <see cref="WriteBody"/> (writes Content-Length, the empty
/// line and the body) or, when Content-Length was written as a header, <see cref="WriteEndOfHeaders"/>
/// followed by exactly that many body bytes written to the buffer writer directly. Calls out of order throw
/// <see cref="InvalidOperationException"/>.
/// </para>
/// <para>
/// Everything written is checked against what <see cref="SipParser"/> accepts, so the writer cannot emit a
/// message the gateway itself would reject, nor be used to inject lines: names and methods must be tokens,
/// values may contain CR or LF only as a fold (CRLF followed by SP or HTAB). Violations throw
/// <see cref="ArgumentException"/>.
/// </para>
/// </remarks>
public ref struct SipMessageWriter
{
    private readonly IBufferWriter<byte> _output;
    private WriterState _state;
    private bool _contentLengthWritten;

    /// <summary>Creates a writer appending to <paramref name="output"/>.</summary>
    public SipMessageWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    private enum WriterState : byte
    {
        Empty,
        Headers,
        Body,
    }

    /// <summary>Writes <c>METHOD SP Request-URI SP SIP/2.0 CRLF</c> for a known method.</summary>
    public void WriteRequestLine(SipMethod method, scoped ReadOnlySpan<byte> requestUri)
    {
        ReadOnlySpan<byte> name = SipMethods.GetName(method);
        if (name.IsEmpty)
        {
            ThrowArgument(nameof(method), "Only a known method can be written by value; write an extension method as a token.");
        }

        WriteRequestLine(name, requestUri);
    }

    /// <summary>Writes a Request-Line for a known method with a UTF-16 Request-URI (ASCII expected; encoded as UTF-8 and then checked).</summary>
    public void WriteRequestLine(SipMethod method, string requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        ReadOnlySpan<byte> name = SipMethods.GetName(method);
        if (name.IsEmpty)
        {
            ThrowArgument(nameof(method), "Only a known method can be written by value; write an extension method as a token.");
        }

        Span<byte> uri = Encode(requestUri, name.Length + 1, out Span<byte> line, extra: " SIP/2.0\r\n"u8.Length);
        name.CopyTo(line);
        line[name.Length] = SP;
        FinishRequestLine(line, name.Length, uri.Length);
    }

    /// <summary>Writes a Request-Line for any method token (e.g. an extension method).</summary>
    public void WriteRequestLine(scoped ReadOnlySpan<byte> method, scoped ReadOnlySpan<byte> requestUri)
    {
        int length = method.Length + 1 + requestUri.Length + " SIP/2.0\r\n"u8.Length;
        Span<byte> line = _output.GetSpan(length);
        method.CopyTo(line);
        line[method.Length] = SP;
        requestUri.CopyTo(line[(method.Length + 1)..]);
        FinishRequestLine(line, method.Length, requestUri.Length);
    }

    /// <summary>Writes <c>SIP/2.0 SP Status-Code SP Reason-Phrase CRLF</c>.</summary>
    public void WriteStatusLine(int statusCode, scoped ReadOnlySpan<byte> reasonPhrase)
    {
        CheckStatusLine(statusCode);
        int length = "SIP/2.0 200 "u8.Length + reasonPhrase.Length + 2;
        Span<byte> line = _output.GetSpan(length);
        reasonPhrase.CopyTo(line["SIP/2.0 200 "u8.Length..]);
        FinishStatusLine(line, statusCode, reasonPhrase.Length);
    }

    /// <summary>Writes a Status-Line with a UTF-16 reason phrase, encoded as UTF-8.</summary>
    public void WriteStatusLine(int statusCode, string reasonPhrase)
    {
        ArgumentNullException.ThrowIfNull(reasonPhrase);
        CheckStatusLine(statusCode);
        Span<byte> reason = Encode(reasonPhrase, "SIP/2.0 200 "u8.Length, out Span<byte> line, extra: 2);
        FinishStatusLine(line, statusCode, reason.Length);
    }

    /// <summary>Writes <c>name: value CRLF</c>.</summary>
    public void WriteHeader(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value)
    {
        CheckHeaderName(name);
        WriteHeaderLine(name, value, IsContentLength(name));
    }

    /// <summary>Writes a header with a UTF-16 value, encoded as UTF-8.</summary>
    public void WriteHeader(scoped ReadOnlySpan<byte> name, string value)
    {
        CheckHeaderName(name);
        WriteHeaderLine(name, value, IsContentLength(name));
    }

    /// <summary>Writes a header with UTF-16 name and value (the name must be an ASCII token).</summary>
    public void WriteHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 256 || !Ascii.IsValid(name))
        {
            ThrowArgument(nameof(name), "A header name is an ASCII token.");
        }

        Span<byte> nameBytes = stackalloc byte[name.Length];
        Encoding.ASCII.GetBytes(name, nameBytes);
        WriteHeader(nameBytes, value);
    }

    /// <summary>Writes a header with a decimal value (Content-Length, Max-Forwards, Expires...).</summary>
    public void WriteHeader(scoped ReadOnlySpan<byte> name, long value)
    {
        CheckHeaderName(name);
        WriteHeaderLine(name, value, IsContentLength(name));
    }

    /// <summary>Writes a known header under its canonical name (e.g. <c>Call-ID</c>).</summary>
    public void WriteHeader(SipHeaderName name, scoped ReadOnlySpan<byte> value)
    {
        CheckState(WriterState.Headers);
        WriteHeaderLine(CanonicalName(name), value, name == SipHeaderName.ContentLength);
    }

    /// <summary>Writes a known header under its canonical name with a UTF-16 value.</summary>
    public void WriteHeader(SipHeaderName name, string value)
    {
        CheckState(WriterState.Headers);
        WriteHeaderLine(CanonicalName(name), value, name == SipHeaderName.ContentLength);
    }

    /// <summary>Writes a known header under its canonical name with a decimal value.</summary>
    public void WriteHeader(SipHeaderName name, long value)
    {
        CheckState(WriterState.Headers);
        WriteHeaderLine(CanonicalName(name), value, name == SipHeaderName.ContentLength);
    }

    /// <summary>
    /// Writes <c>Content-Length: n</c>, the empty line and the body, completing the message. Use it instead of
    /// writing Content-Length yourself; an empty body still gets <c>Content-Length: 0</c>, as stream transports need.
    /// </summary>
    public void WriteBody(scoped ReadOnlySpan<byte> body)
    {
        if (_contentLengthWritten)
        {
            ThrowInvalidOperation("Content-Length was written as a header: call WriteEndOfHeaders and write the body bytes after it.");
        }

        WriteHeader("Content-Length"u8, body.Length);
        int length = 2 + body.Length;
        Span<byte> tail = _output.GetSpan(length);
        tail[0] = CR;
        tail[1] = LF;
        body.CopyTo(tail[2..]);
        _output.Advance(length);
        _state = WriterState.Body;
    }

    /// <summary>
    /// Writes the empty line that ends the header section, for a message whose Content-Length header was
    /// written explicitly; the body bytes (exactly that many) follow, written to the buffer writer directly.
    /// </summary>
    public void WriteEndOfHeaders()
    {
        CheckState(WriterState.Headers);
        if (!_contentLengthWritten)
        {
            ThrowInvalidOperation("Write Content-Length before ending the headers, or use WriteBody.");
        }

        Span<byte> tail = _output.GetSpan(2);
        tail[0] = CR;
        tail[1] = LF;
        _output.Advance(2);
        _state = WriterState.Body;
    }

    private void FinishRequestLine(Span<byte> line, int methodLength, int uriLength)
    {
        CheckState(WriterState.Empty);
        ReadOnlySpan<byte> method = line[..methodLength];
        if (!SipSyntax.IsToken(method))
        {
            ThrowArgument(nameof(method), "The method must be a token.");
        }

        if (!IsValidRequestUri(line.Slice(methodLength + 1, uriLength)))
        {
            ThrowArgument("requestUri", "The Request-URI must be scheme:... with no white space, controls, '<', '>' or other bytes that need escaping.");
        }

        int position = methodLength + 1 + uriLength;
        " SIP/2.0\r\n"u8.CopyTo(line[position..]);
        _output.Advance(position + " SIP/2.0\r\n"u8.Length);
        _state = WriterState.Headers;
    }

    private void CheckStatusLine(int statusCode)
    {
        CheckState(WriterState.Empty);
        if (statusCode is < 100 or > 699)
        {
            ThrowArgumentOutOfRange(nameof(statusCode), statusCode);
        }
    }

    private void FinishStatusLine(Span<byte> line, int statusCode, int reasonLength)
    {
        ReadOnlySpan<byte> reason = line.Slice("SIP/2.0 200 "u8.Length, reasonLength);
        if (reason.ContainsAny(CR, LF))
        {
            ThrowArgument("reasonPhrase", "A reason phrase cannot contain CR or LF.");
        }

        "SIP/2.0 "u8.CopyTo(line);
        line[8] = (byte)('0' + statusCode / 100);
        line[9] = (byte)('0' + statusCode / 10 % 10);
        line[10] = (byte)('0' + statusCode % 10);
        line[11] = SP;
        int end = "SIP/2.0 200 "u8.Length + reasonLength;
        line[end] = CR;
        line[end + 1] = LF;
        _output.Advance(end + 2);
        _state = WriterState.Headers;
    }

    private void CheckHeaderName(scoped ReadOnlySpan<byte> name)
    {
        CheckState(WriterState.Headers);
        if (name.IsEmpty || name.Length > ushort.MaxValue)
        {
            ThrowArgument(nameof(name), "A header name must be a token.");
        }

        // Scalar: names are too short for a vector search to pay.
        foreach (byte b in name)
        {
            if (!IsToken(b))
            {
                ThrowArgument(nameof(name), "A header name must be a token.");
            }
        }
    }

    // Content-Length written as a header frames the body: WriteBody must not add a second one.
    private static bool IsContentLength(scoped ReadOnlySpan<byte> name) =>
        name.Length is 1 or 14 && SipHeaderNames.Identify(name) == SipHeaderName.ContentLength;

    private void WriteHeaderLine(scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> value, bool isContentLength)
    {
        if (!IsValidValue(value))
        {
            ThrowInvalidValue();
        }

        int length = name.Length + 2 + value.Length + 2;
        Span<byte> line = _output.GetSpan(length);
        name.CopyTo(line);
        line[name.Length] = Colon;
        line[name.Length + 1] = SP;
        value.CopyTo(line[(name.Length + 2)..]);
        line[length - 2] = CR;
        line[length - 1] = LF;
        _output.Advance(length);
        _contentLengthWritten |= isContentLength;
    }

    private void WriteHeaderLine(scoped ReadOnlySpan<byte> name, string value, bool isContentLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> encoded = Encode(value, name.Length + 2, out Span<byte> line, extra: 2);
        if (!IsValidValue(encoded))
        {
            ThrowInvalidValue();
        }

        name.CopyTo(line);
        line[name.Length] = Colon;
        line[name.Length + 1] = SP;
        int end = name.Length + 2 + encoded.Length;
        line[end] = CR;
        line[end + 1] = LF;
        _output.Advance(end + 2);
        _contentLengthWritten |= isContentLength;
    }

    private void WriteHeaderLine(scoped ReadOnlySpan<byte> name, long value, bool isContentLength)
    {
        Span<byte> line = _output.GetSpan(name.Length + 2 + 20 + 2);
        name.CopyTo(line);
        line[name.Length] = Colon;
        line[name.Length + 1] = SP;
        Utf8Formatter.TryFormat(value, line[(name.Length + 2)..], out int digits);
        int end = name.Length + 2 + digits;
        line[end] = CR;
        line[end + 1] = LF;
        _output.Advance(end + 2);
        _contentLengthWritten |= isContentLength;
    }

    /// <summary>
    /// Encodes <paramref name="text"/> as UTF-8 into a span from the output, after <paramref name="prefix"/>
    /// bytes left for the caller and with <paramref name="extra"/> bytes spare after it.
    /// </summary>
    private readonly Span<byte> Encode(string text, int prefix, out Span<byte> line, int extra)
    {
        int maxLength = Encoding.UTF8.GetMaxByteCount(text.Length);
        line = _output.GetSpan(prefix + maxLength + extra);
        int written = Encoding.UTF8.GetBytes(text, line[prefix..]);
        return line.Slice(prefix, written);
    }

    private readonly void CheckState(WriterState expected)
    {
        if (_state != expected)
        {
            ThrowInvalidOperation(_state switch
            {
                WriterState.Empty => "Write the start line first.",
                WriterState.Headers => "The start line has already been written.",
                _ => "The message is complete: the body has been written.",
            });
        }
    }

    private static ReadOnlySpan<byte> CanonicalName(SipHeaderName name)
    {
        ReadOnlySpan<byte> canonical = SipHeaderNames.GetName(name);
        if (canonical.IsEmpty)
        {
            ThrowArgument(nameof(name), "Unknown has no name: write the header under its own name.");
        }

        return canonical;
    }

    /// <summary>The same structural rule the parser applies to a Request-URI.</summary>
    private static bool IsValidRequestUri(scoped ReadOnlySpan<byte> uri)
    {
        if (uri.IsEmpty || !IsAlpha(uri[0]) || uri.ContainsAny(NotInUri))
        {
            return false;
        }

        int schemeEnd = uri.IndexOfAnyExcept(SchemeTail);
        return schemeEnd > 0 && uri[schemeEnd] == Colon;
    }

    /// <summary>CR and LF only as CRLF followed by SP or HTAB, and not at either end (the parser would trim the fold away).</summary>
    private static bool IsValidValue(scoped ReadOnlySpan<byte> value)
    {
        int position = value.IndexOfAny(CR, LF);
        while (position >= 0)
        {
            if (position == 0 || value[position] != CR || position + 2 >= value.Length
                || value[position + 1] != LF || !IsWhiteSpace(value[position + 2]))
            {
                return false;
            }

            int next = value[(position + 2)..].IndexOfAny(CR, LF);
            position = next < 0 ? -1 : position + 2 + next;
        }

        return true;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgument(string name, string message) => throw new ArgumentException(message, name);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInvalidValue() =>
        throw new ArgumentException("A header value may contain CR or LF only as a fold (CRLF followed by SP or HTAB).", "value");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentOutOfRange(string name, int value) =>
        throw new ArgumentOutOfRangeException(name, value, "A status code is 100-699.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);
}
