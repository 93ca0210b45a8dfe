using System.Runtime.CompilerServices;
using static Gateway.Sip.SipCharacters;
using static Gateway.Sip.SipWireSyntax;

namespace Gateway.Sip;

/// <summary>
/// Parses a start line and the header fields after it into a <see cref="SipMessage"/>: the structural level of
/// RFC 3261 §7 and §25 (line framing, start-line grammar, header name tokens) plus the scalar headers the
/// message layer itself relies on (Content-Length, CSeq, Max-Forwards, Call-ID). Offsets are relative to the
/// start of <c>data</c>, which must begin with the start line.
/// </summary>
/// <remarks>
/// Each line costs one vectorised <c>IndexOfAny</c> for CR/LF; the short parts (names, the blanks around
/// values, the scalar values) are scanned with table lookups and loops. After a defect that leaves lines delimited the parser records it and carries on, so that a
/// 400 can still be built from Via/From/To/Call-ID/CSeq; it stops only when line framing is broken or a limit
/// is hit. Never throws on any input.
/// </remarks>
internal static class SipHeaderSectionParser
{
    public static void Parse(ReadOnlySpan<byte> data, SipMessage message, int maxHeaderCount, ref SipParseState state)
    {
        int lineEnd = data.IndexOfAny(CR, LF);
        if (lineEnd < 0 || !IsCrLfAt(data, lineEnd, ref state))
        {
            return;
        }

        message.SetStartLineLength(lineEnd);
        ParseStartLine(data[..lineEnd], message, ref state);

        int position = lineEnd + 2;
        bool firstField = true;
        while (true)
        {
            if (position >= data.Length)
            {
                return;
            }

            byte first = data[position];
            if (first == CR)
            {
                if (!IsCrLfAt(data, position, ref state))
                {
                    return;
                }

                state.HeaderSectionComplete = true;
                state.HeaderSectionLength = position + 2;
                break;
            }

            int fieldEnd;
            if (firstField && IsWhiteSpace(first))
            {
                // A continuation line right after the start line: there is no field for it to fold into.
                fieldEnd = FindFieldEnd(data, position, ref state);
                if (fieldEnd < 0)
                {
                    return;
                }

                state.Record(SipParseError.HeaderLineStartsWithWhitespace, position);
            }
            else
            {
                if (message.HeaderCount == maxHeaderCount)
                {
                    state.Stop(SipParseError.TooManyHeaders, position);
                    return;
                }

                fieldEnd = ParseField(data, position, message, ref state);
                if (fieldEnd < 0)
                {
                    return;
                }
            }

            firstField = false;
            position = fieldEnd + 2;
        }

        CheckMandatoryHeaders(message, ref state);
    }

    /// <summary>
    /// Whether the CR or LF at <paramref name="index"/> starts a CRLF. Leaves state untouched when the data
    /// ends first (more may come), stops parsing on a bare CR or LF.
    /// </summary>
    private static bool IsCrLfAt(ReadOnlySpan<byte> data, int index, ref SipParseState state)
    {
        if (data[index] == CR)
        {
            if (index + 1 >= data.Length)
            {
                return false;
            }

            if (data[index + 1] == LF)
            {
                return true;
            }
        }

        state.Stop(SipParseError.InvalidLineEnding, index);
        return false;
    }

    /// <summary>
    /// Index of the CR that ends the field starting at <paramref name="start"/>, following folds (a CRLF
    /// followed by SP or HTAB continues the field); -1 if the data ends first or a line end is broken.
    /// </summary>
    private static int FindFieldEnd(ReadOnlySpan<byte> data, int start, ref SipParseState state)
    {
        int position = start;
        while (true)
        {
            int found = data[position..].IndexOfAny(CR, LF);
            if (found < 0)
            {
                return -1;
            }

            int end = position + found;
            if (!IsCrLfAt(data, end, ref state))
            {
                return -1;
            }

            // Whether the next line folds into this field is only known from its first byte.
            if (end + 2 >= data.Length)
            {
                return -1;
            }

            if (!IsWhiteSpace(data[end + 2]))
            {
                return end;
            }

            position = end + 3;
        }
    }

    private static void ParseStartLine(ReadOnlySpan<byte> line, SipMessage message, ref SipParseState state)
    {
        // A method is a token and '/' is not a token character, so a line opening with "SIP/" is a Status-Line.
        if (line.Length >= 4 && (line[0] | 0x20) == 's' && (line[1] | 0x20) == 'i' && (line[2] | 0x20) == 'p' && line[3] == '/')
        {
            ParseStatusLine(line, message, ref state);
        }
        else
        {
            ParseRequestLine(line, message, ref state);
        }
    }

    // Request-Line = Method SP Request-URI SP SIP-Version CRLF, single SPs, no LWS in any element (RFC 3261 §7.1).
    private static void ParseRequestLine(ReadOnlySpan<byte> line, SipMessage message, ref SipParseState state)
    {
        message.MarkRequest();
        int methodEnd = line.IndexOf(SP);
        if (methodEnd <= 0)
        {
            state.Record(SipParseError.MalformedRequestLine, 0);
            return;
        }

        ReadOnlySpan<byte> method = line[..methodEnd];
        int badByte = method.IndexOfAnyExcept(Token);
        if (badByte >= 0)
        {
            // HTAB as a separator is a broken line layout; any other non-token byte is a bad method.
            state.Record(method.Contains(HT) ? SipParseError.MalformedRequestLine : SipParseError.InvalidMethod, badByte);
            return;
        }

        message.SetRequestMethod(methodEnd, SipMethods.Identify(method));

        if (IsWhiteSpace(line[^1]))
        {
            state.Record(SipParseError.TrailingWhitespaceInRequestLine, line.Length - 1);
            return;
        }

        // The version is after the last SP; everything between the first and the last SP is the Request-URI,
        // so an SP inside the URI shows up as LWS in the URI rather than as a misplaced version.
        int versionStart = line.LastIndexOf(SP) + 1;
        if (versionStart == methodEnd + 1)
        {
            state.Record(SipParseError.MalformedRequestLine, methodEnd);
            return;
        }

        if (line[methodEnd + 1] == SP || line[versionStart - 2] == SP)
        {
            state.Record(SipParseError.MultipleSpacesInRequestLine, line[methodEnd + 1] == SP ? methodEnd + 1 : versionStart - 2);
            return;
        }

        int uriStart = methodEnd + 1;
        int uriLength = versionStart - 1 - uriStart;
        message.SetRequestUri(uriStart, uriLength);
        message.SetVersion(versionStart, line.Length - versionStart);

        SipParseError uriError = CheckRequestUri(line.Slice(uriStart, uriLength), out int uriErrorAt);
        if (uriError != SipParseError.None)
        {
            state.Record(uriError, uriStart + uriErrorAt);
        }

        SipParseError versionError = CheckVersion(line[versionStart..]);
        if (versionError != SipParseError.None)
        {
            state.Record(versionError, versionStart);
        }
    }

    // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF; Status-Code = 3DIGIT (RFC 3261 §7.2).
    private static void ParseStatusLine(ReadOnlySpan<byte> line, SipMessage message, ref SipParseState state)
    {
        int versionEnd = line.IndexOf(SP);
        if (versionEnd < 0)
        {
            state.Record(SipParseError.MalformedStatusLine, line.Length);
            return;
        }

        message.SetVersion(0, versionEnd);
        SipParseError versionError = CheckVersion(line[..versionEnd]);
        if (versionError != SipParseError.None)
        {
            state.Record(versionError, 0);
        }

        int codeStart = versionEnd + 1;
        int codeLength = line[codeStart..].IndexOf(SP);
        ReadOnlySpan<byte> code = codeLength < 0 ? line[codeStart..] : line.Slice(codeStart, codeLength);
        if (code.Length == 3 && IsDigit(code[0]) && IsDigit(code[1]) && IsDigit(code[2]) && code[0] is >= (byte)'1' and <= (byte)'6')
        {
            message.SetStatusCode((code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0'));
        }
        else
        {
            state.Record(SipParseError.BadStatusCode, codeStart);
        }

        if (codeLength < 0)
        {
            // The SP before the Reason-Phrase is required even when the phrase is empty (RFC 4475 §3.1.1.13).
            state.Record(SipParseError.MalformedStatusLine, line.Length);
            return;
        }

        int reasonStart = codeStart + codeLength + 1;
        message.SetReasonPhrase(reasonStart, line.Length - reasonStart);
    }

    /// <summary>
    /// Structural Request-URI checks: not &lt;&gt;-enclosed, no white space, a scheme and a colon, no byte that
    /// must be escaped. Whether the rest is a valid SIP URI is for the typed URI parser.
    /// </summary>
    private static SipParseError CheckRequestUri(ReadOnlySpan<byte> uri, out int errorAt)
    {
        errorAt = 0;
        if (uri.IsEmpty)
        {
            return SipParseError.InvalidRequestUri;
        }

        if (uri[0] == '<')
        {
            return SipParseError.RequestUriInAngleBrackets;
        }

        int bad = uri.IndexOfAny(NotInUri);
        if (bad >= 0)
        {
            errorAt = bad;
            return uri[bad] == HT || uri[bad] == SP ? SipParseError.LwsInRequestUri : SipParseError.InvalidRequestUri;
        }

        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
        int schemeEnd = uri.IndexOfAnyExcept(SchemeTail);
        if (!IsAlpha(uri[0]) || schemeEnd <= 0 || uri[schemeEnd] != ':')
        {
            errorAt = schemeEnd < 0 ? uri.Length : schemeEnd;
            return SipParseError.InvalidRequestUri;
        }

        return SipParseError.None;
    }

    /// <summary>
    /// SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT, case-insensitive (RFC 3261 §7.1). Only 2.0 is supported:
    /// another well-formed version earns a 505, anything else a 400.
    /// </summary>
    private static SipParseError CheckVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length < 7 || (version[0] | 0x20) != 's' || (version[1] | 0x20) != 'i' || (version[2] | 0x20) != 'p' || version[3] != '/')
        {
            return SipParseError.BadSipVersion;
        }

        ReadOnlySpan<byte> number = version[4..];
        if (number.SequenceEqual("2.0"u8))
        {
            return SipParseError.None;
        }

        int dot = number.IndexOf((byte)'.');
        bool wellFormed = dot > 0 && dot < number.Length - 1
            && !number[..dot].ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && !number[(dot + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9');
        return wellFormed ? SipParseError.UnsupportedSipVersion : SipParseError.BadSipVersion;
    }

    // message-header = field-name HCOLON field-value CRLF; HCOLON = *( SP / HTAB ) ":" SWS (RFC 3261 §7.3.1, §25.1).
    // Returns the index of the CR ending the field, or -1 when the data ends first or a line end is broken.
    private static int ParseField(ReadOnlySpan<byte> data, int start, SipMessage message, ref SipParseState state)
    {
        // The name and the colon by a scalar scan (names are short), the rest of the field by one vector search.
        int position = start;
        while (position < data.Length && IsToken(data[position]))
        {
            position++;
        }

        int nameLength = position - start;
        while (position < data.Length && IsWhiteSpace(data[position]))
        {
            position++;
        }

        bool hasColon = position < data.Length && data[position] == Colon;
        int end = FindFieldEnd(data, hasColon ? position + 1 : position, ref state);
        if (end < 0)
        {
            return -1;
        }

        if (!hasColon || nameLength == 0 || nameLength > ushort.MaxValue)
        {
            RecordMalformedLine(data[start..end], start, nameLength, ref state);
            return end;
        }

        // Trim linear white space (folds included) from both ends of the value; usually one SP at the front.
        int valueStart = position + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && IsLinearWhiteSpace(data[valueStart]))
        {
            valueStart++;
        }

        while (valueEnd > valueStart && IsLinearWhiteSpace(data[valueEnd - 1]))
        {
            valueEnd--;
        }

        int valueLength = valueEnd - valueStart;
        SipHeaderName id = SipHeaderNames.Identify(data.Slice(start, nameLength));
        if (id <= SipHeaderName.ContentType && id != SipHeaderName.Unknown)
        {
            // The singletons, which are also the fields checked here; a repeated one is kept in the list
            // (WriteTo and diagnostics see every line) but its value is not checked again.
            if (message.Contains(id))
            {
                RecordRepeated(id, start, message, ref state);
            }
            else
            {
                CheckScalarField(id, data.Slice(valueStart, valueLength), valueStart, data[..message.MethodLength], message, ref state);
            }
        }

        message.AddHeader(start, nameLength, valueStart, valueLength, id);
        return end;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RecordMalformedLine(ReadOnlySpan<byte> line, int start, int nameLength, ref SipParseState state)
    {
        // No colon at all: not a header line. A colon after something that is not token + blanks: a bad name.
        SipParseError error = line.Contains(Colon) ? SipParseError.InvalidHeaderName : SipParseError.MissingHeaderColon;
        state.Record(error, start + nameLength);
    }

    private static void RecordRepeated(SipHeaderName id, int offset, SipMessage message, ref SipParseState state)
    {
        if (id == SipHeaderName.ContentLength)
        {
            message.MarkContentLengthUnusable();
            state.Record(SipParseError.MultipleContentLength, offset, id);
        }
        else
        {
            state.Record(SipParseError.DuplicateSingletonHeader, offset, id);
        }
    }

    private static void CheckScalarField(SipHeaderName id, ReadOnlySpan<byte> value, int valueOffset, ReadOnlySpan<byte> requestMethod, SipMessage message, ref SipParseState state)
    {
        switch (id)
        {
            case SipHeaderName.ContentLength:
                // Content-Length = 1*DIGIT; anything else (a sign, RFC 4475 ncl) leaves the body length unknown.
                if (TryParseDecimal(value, int.MaxValue, out long contentLength))
                {
                    message.SetContentLength((int)contentLength);
                }
                else
                {
                    message.MarkContentLengthUnusable();
                    state.Record(SipParseError.InvalidContentLength, valueOffset, id);
                }

                break;

            case SipHeaderName.CSeq:
                CheckCSeq(value, valueOffset, requestMethod, message, ref state);
                break;

            case SipHeaderName.MaxForwards:
                if (TryParseDecimal(value, MaxMaxForwards, out long maxForwards))
                {
                    message.SetMaxForwards((int)maxForwards);
                }
                else
                {
                    state.Record(SipParseError.InvalidMaxForwards, valueOffset, id);
                }

                break;

            case SipHeaderName.CallId:
                // callid = word [ "@" word ]: never empty, never white space.
                if (value.IsEmpty || value.ContainsAny(LinearWhiteSpace))
                {
                    state.Record(SipParseError.InvalidCallId, valueOffset, id);
                }

                break;
        }
    }

    // CSeq = 1*DIGIT LWS Method, the number below 2**31 (RFC 3261 §8.1.1.5, §20.16); LWS may be a fold.
    private static void CheckCSeq(ReadOnlySpan<byte> value, int valueOffset, ReadOnlySpan<byte> requestMethod, SipMessage message, ref SipParseState state)
    {
        int digits = value.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        int blanks = digits < 0 ? -1 : value[digits..].IndexOfAnyExcept(LinearWhiteSpace);
        if (digits <= 0 || blanks <= 0 || !TryParseDecimal(value[..digits], MaxCSeqNumber, out long number))
        {
            state.Record(SipParseError.InvalidCSeq, valueOffset, SipHeaderName.CSeq);
            return;
        }

        int methodStart = digits + blanks;
        ReadOnlySpan<byte> method = value[methodStart..];
        if (method.ContainsAnyExcept(Token))
        {
            state.Record(SipParseError.InvalidCSeq, valueOffset + methodStart, SipHeaderName.CSeq);
            return;
        }

        message.SetCSeq((int)number, valueOffset + methodStart, method.Length, SipMethods.Identify(method));
        if (message.IsRequest && message.Method != SipMethod.None && !method.SequenceEqual(requestMethod))
        {
            // Methods are case-sensitive; an ACK or CANCEL carries its own method in CSeq too (RFC 3261 §17.1.1.3, §9.1).
            state.Record(SipParseError.CSeqMethodMismatch, valueOffset + methodStart, SipHeaderName.CSeq);
        }
    }

    private static void CheckMandatoryHeaders(SipMessage message, ref SipParseState state)
    {
        // RFC 3261 §8.1.1 lists To, From, CSeq, Call-ID, Max-Forwards and Via. Max-Forwards is not enforced:
        // RFC 2543 peers omit it and RFC 4475 §3.4.1 (inv2543) asks for such requests to be accepted. Responses
        // need the same five to be matched to a transaction (RFC 3261 §8.2.6.2 copies them).
        if (state.HasError)
        {
            return;
        }

        SipHeaderName missing =
            !message.Contains(SipHeaderName.To) ? SipHeaderName.To
            : !message.Contains(SipHeaderName.From) ? SipHeaderName.From
            : !message.Contains(SipHeaderName.CSeq) ? SipHeaderName.CSeq
            : !message.Contains(SipHeaderName.CallId) ? SipHeaderName.CallId
            : !message.Contains(SipHeaderName.Via) ? SipHeaderName.Via
            : SipHeaderName.Unknown;
        if (missing != SipHeaderName.Unknown)
        {
            state.Record(SipParseError.MissingMandatoryHeader, state.HeaderSectionLength - 2, missing);
        }
    }

    /// <summary>Parses 1*DIGIT (leading zeros allowed, RFC 4475 wsinv) no larger than <paramref name="max"/>.</summary>
    private static bool TryParseDecimal(ReadOnlySpan<byte> digits, long max, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (byte b in digits)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = value * 10 + digit;
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }
}
