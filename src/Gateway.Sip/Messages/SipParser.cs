using System.Buffers;
using System.Runtime.CompilerServices;
using static Gateway.Sip.SipCharacters;
using static Gateway.Sip.SipWireSyntax;

namespace Gateway.Sip;

/// <summary>
/// Parses SIP messages from datagrams (UDP: one datagram, one message) and from byte streams (TCP/TLS:
/// Content-Length frames each message), in the style of Kestrel's HTTP/1.1 parser: stateless, never throws on
/// bad input, reports a precise <see cref="SipParseError"/>, and on a stream says how far the input was
/// consumed and examined.
/// </summary>
/// <remarks>
/// CRLF pairs before a start line are skipped (RFC 3261 §7.5). Bare CR or LF line ends are rejected: RFC 3261
/// §7 requires CRLF and accepting LF alone would let two parsers disagree on where a header ends. A datagram
/// must contain the empty line that ends the header section.
/// </remarks>
public static class SipParser
{
    /// <summary>
    /// Parses a datagram (or any buffer holding exactly one message) by copying the message into a buffer
    /// rented from <see cref="ArrayPool{T}.Shared"/>, which the message returns when disposed. The body is
    /// Content-Length bytes, or the rest of the datagram when Content-Length is absent; bytes after it are
    /// discarded (RFC 3261 §18.3).
    /// </summary>
    /// <param name="datagram">The datagram payload.</param>
    /// <param name="message">
    /// The message when the result is <see cref="SipParseStatus.Complete"/>, or <see cref="SipParseStatus.Invalid"/>
    /// with <see cref="SipParseResult.CanRespond"/>; null otherwise. Dispose it.
    /// </param>
    /// <param name="options">Limits; <see cref="SipParserOptions.Default"/> when null.</param>
    public static SipParseResult TryParse(ReadOnlySpan<byte> datagram, out SipMessage? message, SipParserOptions? options = null)
    {
        SipParseResult result = ParseDatagram(datagram, options ?? SipParserOptions.Default, out message, out int start, out int length);
        if (message is not null)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
            datagram.Slice(start, length).CopyTo(buffer);
            message.Bind(buffer, 0, length, ArrayPool<byte>.Shared);
        }

        return result;
    }

    /// <summary>
    /// Parses a datagram received into <paramref name="datagram"/> without copying it: the message takes the
    /// array over. Ownership passes to the parser (unless the arguments themselves are invalid, which throws):
    /// if no message is handed out, the array goes back to <paramref name="pool"/> at once; otherwise the
    /// message returns it when disposed. With a null pool the array is simply not returned anywhere (for
    /// arrays that are not pooled).
    /// </summary>
    /// <param name="datagram">The receive buffer; the datagram occupies its first <paramref name="length"/> bytes.</param>
    /// <param name="length">Number of bytes received.</param>
    /// <param name="pool">The pool <paramref name="datagram"/> was rented from, or null.</param>
    /// <param name="message">As for <see cref="TryParse(ReadOnlySpan{byte}, out SipMessage?, SipParserOptions?)"/>.</param>
    /// <param name="options">Limits; <see cref="SipParserOptions.Default"/> when null.</param>
    public static SipParseResult TryParse(byte[] datagram, int length, ArrayPool<byte>? pool, out SipMessage? message, SipParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, datagram.Length);

        SipParseResult result = ParseDatagram(datagram.AsSpan(0, length), options ?? SipParserOptions.Default, out message, out int start, out int messageLength);
        if (message is not null)
        {
            message.Bind(datagram, start, messageLength, pool);
        }
        else
        {
            pool?.Return(datagram);
        }

        return result;
    }

    /// <summary>
    /// Parses the next message from a stream (TCP, TLS). Content-Length is required (RFC 3261 §18.3). On
    /// <see cref="SipParseStatus.NeedMoreData"/> nothing is consumed and everything is examined: read more and call
    /// again with the grown buffer. On any other status <paramref name="consumed"/> is past what was used —
    /// the message, a keep-alive ping, or with <see cref="SipParseResult.FramingLost"/> the whole buffer, after
    /// which the connection should be closed. The message is copied into a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/>, so the pipe's memory can be released at once.
    /// </summary>
    /// <param name="buffer">The bytes received and not yet consumed.</param>
    /// <param name="consumed">Where the next parse starts.</param>
    /// <param name="examined">How far the parser looked; a pipe waits for data beyond it.</param>
    /// <param name="message">As for <see cref="TryParse(ReadOnlySpan{byte}, out SipMessage?, SipParserOptions?)"/>.</param>
    /// <param name="options">Limits; <see cref="SipParserOptions.Default"/> when null.</param>
    public static SipParseResult TryParseStream(in ReadOnlySequence<byte> buffer, out SequencePosition consumed, out SequencePosition examined, out SipMessage? message, SipParserOptions? options = null)
    {
        options ??= SipParserOptions.Default;
        message = null;
        consumed = buffer.Start;
        examined = buffer.End;

        ReadOnlySequence<byte> rest = buffer;
        Span<byte> head = stackalloc byte[4];
        while (true)
        {
            // CRLFCRLF is an RFC 5626 keep-alive ping; a lone CRLF (a pong, or stray, RFC 3261 §7.5) is skipped.
            int peeked = Peek(rest, head);
            if (peeked == 0)
            {
                consumed = rest.Start;
                return NeedMoreData;
            }

            if (head[0] != CR || (peeked >= 2 && head[1] != LF))
            {
                break;
            }

            if (peeked < 2 || (peeked == 3 && head[2] == CR))
            {
                consumed = rest.Start;
                return NeedMoreData;
            }

            if (peeked == 4 && head[2] == CR && head[3] == LF)
            {
                consumed = examined = rest.GetPosition(4);
                return new SipParseResult(SipParseStatus.KeepAlive, SipParseError.None, SipHeaderName.Unknown, -1, canRespond: false, framingLost: false);
            }

            rest = rest.Slice(2);
        }

        consumed = rest.Start;
        int maxSize = options.MaxMessageSize;
        int headerLength = FindHeaderSectionEnd(rest, maxSize);
        if (headerLength < 0)
        {
            if (rest.Length > maxSize)
            {
                consumed = examined = buffer.End;
                return Reject(SipParseError.MessageTooLarge, maxSize, framingLost: true);
            }

            return NeedMoreData;
        }

        byte[]? copy = null;
        ReadOnlySpan<byte> first = rest.FirstSpan;
        ReadOnlySpan<byte> headerSection;
        if (first.Length >= headerLength)
        {
            headerSection = first[..headerLength];
        }
        else
        {
            // The header section spans segments: make it contiguous. The copy becomes the message's buffer when
            // the body fits in it, so the common small-body case copies each byte once.
            copy = ArrayPool<byte>.Shared.Rent(headerLength);
            rest.Slice(0, headerLength).CopyTo(copy);
            headerSection = copy.AsSpan(0, headerLength);
        }

        SipMessage parsed = SipMessage.Create();
        var state = default(SipParseState);
        SipHeaderSectionParser.Parse(headerSection, parsed, options.MaxHeaderCount, ref state);
        if (!state.Stopped && !state.HeaderSectionComplete)
        {
            // Unreachable when the CRLFCRLF search and the line parser agree; kept so a disagreement fails closed.
            state.Stop(SipParseError.MissingEmptyLine, headerLength);
        }

        if (state.Stopped)
        {
            Discard(parsed, copy);
            consumed = examined = buffer.End;
            return Reject(state, framingLost: true);
        }

        bool framingLost = false;
        long total = headerLength;
        if (!parsed.HasUsableContentLength)
        {
            if (!parsed.ContentLengthUnusable)
            {
                state.Record(SipParseError.MissingContentLength, headerLength - 2, SipHeaderName.ContentLength);
            }

            framingLost = true;
        }
        else if ((total = headerLength + (long)parsed.ContentLength) > maxSize)
        {
            state.Record(SipParseError.BodyTooLarge, headerLength, SipHeaderName.ContentLength);
            framingLost = true;
            total = headerLength;
        }
        else if (rest.Length < total)
        {
            // Even an invalid message is waited for until its body is in, so that it can be skipped as a whole.
            Discard(parsed, copy);
            return NeedMoreData;
        }

        int length = (int)total;
        byte[] owned;
        if (copy is not null && copy.Length >= length)
        {
            owned = copy;
            rest.Slice(headerLength, length - headerLength).CopyTo(owned.AsSpan(headerLength));
        }
        else
        {
            owned = ArrayPool<byte>.Shared.Rent(length);
            if (copy is not null)
            {
                ArrayPool<byte>.Shared.Return(copy);
            }

            rest.Slice(0, length).CopyTo(owned);
        }

        parsed.SetBody(headerLength, length - headerLength);
        parsed.Bind(owned, 0, length, ArrayPool<byte>.Shared);
        consumed = examined = framingLost ? buffer.End : rest.GetPosition(length);
        return Finish(parsed, ref state, framingLost, out message);
    }

    private static SipParseResult ParseDatagram(ReadOnlySpan<byte> datagram, SipParserOptions options, out SipMessage? message, out int start, out int length)
    {
        message = null;
        length = 0;
        start = 0;
        while (start + 1 < datagram.Length && datagram[start] == CR && datagram[start + 1] == LF)
        {
            start += 2;
        }

        if (datagram.IsEmpty)
        {
            return Reject(SipParseError.EmptyMessage, 0, framingLost: false);
        }

        if (start == datagram.Length)
        {
            return new SipParseResult(SipParseStatus.KeepAlive, SipParseError.None, SipHeaderName.Unknown, -1, canRespond: false, framingLost: false);
        }

        if (datagram.Length > options.MaxMessageSize)
        {
            return Reject(SipParseError.MessageTooLarge, options.MaxMessageSize, framingLost: false);
        }

        ReadOnlySpan<byte> data = datagram[start..];
        SipMessage parsed = SipMessage.Create();
        var state = default(SipParseState);
        SipHeaderSectionParser.Parse(data, parsed, options.MaxHeaderCount, ref state);
        if (!state.Stopped)
        {
            if (!state.HeaderSectionComplete)
            {
                state.Stop(SipParseError.MissingEmptyLine, data.Length);
            }
            else
            {
                length = FrameDatagramBody(data.Length, parsed, ref state);
            }
        }

        SipParseResult result = Finish(parsed, ref state, framingLost: false, out message);
        if (message is null)
        {
            length = 0;
        }

        return result;
    }

    /// <summary>Sets the body of a datagram message and returns the message length (RFC 3261 §18.3).</summary>
    private static int FrameDatagramBody(int datagramLength, SipMessage message, ref SipParseState state)
    {
        int headerLength = state.HeaderSectionLength;
        int available = datagramLength - headerLength;
        int bodyLength = available;
        if (message.HasUsableContentLength)
        {
            if (message.ContentLength > available)
            {
                // RFC 3261 §18.3: a request gets a 400, a response is discarded.
                state.Record(SipParseError.ContentLengthExceedsBody, datagramLength, SipHeaderName.ContentLength);
            }
            else
            {
                bodyLength = message.ContentLength;
            }
        }

        message.SetBody(headerLength, bodyLength);
        return headerLength + bodyLength;
    }

    /// <summary>Turns a parse into a result, handing the message out when it is valid or a response can be built from it.</summary>
    private static SipParseResult Finish(SipMessage parsed, ref SipParseState state, bool framingLost, out SipMessage? message)
    {
        if (!state.HasError)
        {
            message = parsed;
            return new SipParseResult(SipParseStatus.Complete, SipParseError.None, SipHeaderName.Unknown, -1, canRespond: false, framingLost: false);
        }

        return Reject(parsed, ref state, framingLost, out message);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SipParseResult Reject(SipMessage parsed, ref SipParseState state, bool framingLost, out SipMessage? message)
    {
        bool canRespond = !state.Stopped && parsed.IsRequest
            && parsed.Contains(SipHeaderName.To) && parsed.Contains(SipHeaderName.From) && parsed.Contains(SipHeaderName.CSeq)
            && parsed.Contains(SipHeaderName.CallId) && parsed.Contains(SipHeaderName.Via);
        if (canRespond)
        {
            message = parsed;
        }
        else
        {
            message = null;
            parsed.Dispose();
            SipMessage.Recycle(parsed);
        }

        return new SipParseResult(SipParseStatus.Invalid, state.Error, state.ErrorHeader, state.ErrorOffset, canRespond, framingLost);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SipParseResult Reject(SipParseError error, int offset, bool framingLost) =>
        new(SipParseStatus.Invalid, error, SipHeaderName.Unknown, offset, canRespond: false, framingLost);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SipParseResult Reject(in SipParseState state, bool framingLost) =>
        new(SipParseStatus.Invalid, state.Error, state.ErrorHeader, state.ErrorOffset, canRespond: false, framingLost);

    private static SipParseResult NeedMoreData =>
        new(SipParseStatus.NeedMoreData, SipParseError.None, SipHeaderName.Unknown, -1, canRespond: false, framingLost: false);

    private static void Discard(SipMessage parsed, byte[]? copy)
    {
        SipMessage.Recycle(parsed);
        if (copy is not null)
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static int Peek(in ReadOnlySequence<byte> sequence, Span<byte> head)
    {
        int count = (int)Math.Min(head.Length, sequence.Length);
        ReadOnlySpan<byte> first = sequence.FirstSpan;
        if (first.Length >= count)
        {
            first[..count].CopyTo(head);
        }
        else
        {
            sequence.Slice(0, count).CopyTo(head);
        }

        return count;
    }

    /// <summary>
    /// Length of the header section (start line through the empty line) at the start of <paramref name="sequence"/>,
    /// or -1 if its end is not there yet or lies beyond the size limit.
    /// </summary>
    private static int FindHeaderSectionEnd(in ReadOnlySequence<byte> sequence, int maxSize)
    {
        ReadOnlySpan<byte> first = sequence.FirstSpan;
        int end = first.IndexOf("\r\n\r\n"u8);
        if (end >= 0)
        {
            return end + 4 <= maxSize ? end + 4 : -1;
        }

        if (sequence.IsSingleSegment)
        {
            return -1;
        }

        var reader = new SequenceReader<byte>(sequence);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> section, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            return -1;
        }

        return section.Length + 4 <= maxSize ? (int)section.Length + 4 : -1;
    }
}
