namespace Gateway.Sip;

/// <summary>
/// Why a message was rejected: one member per structural defect, so that logs, counters and the 400's
/// reason phrase (<see cref="SipParseErrors.GetReasonPhrase(SipParseError)"/>) name the defect precisely. Typed header
/// grammar (Via, name-addr, URI, Date...) is not checked by the parser and has no member here.
/// </summary>
public enum SipParseError : byte
{
    /// <summary>No defect.</summary>
    None = 0,

    // --- Framing: the parser stops, nothing after the defect is read (see SipParseErrors.StopsParsing).

    /// <summary>The datagram or stream held no bytes at all.</summary>
    EmptyMessage,

    /// <summary>A CR not followed by LF, or an LF not preceded by CR: RFC 3261 §7 requires CRLF line ends.</summary>
    InvalidLineEnding,

    /// <summary>The datagram ended before the empty line that closes the header section (RFC 3261 §7).</summary>
    MissingEmptyLine,

    /// <summary>More header fields than <see cref="SipParserOptions.MaxHeaderCount"/>.</summary>
    TooManyHeaders,

    /// <summary>
    /// The datagram, or the header section of a stream message, is longer than
    /// <see cref="SipParserOptions.MaxMessageSize"/> (513 Message Too Large).
    /// </summary>
    MessageTooLarge,

    // --- Start line.

    /// <summary>The Request-Line is not Method SP Request-URI SP SIP-Version (e.g. a missing element or HTAB separators).</summary>
    MalformedRequestLine,

    /// <summary>The Status-Line is not SIP-Version SP Status-Code SP Reason-Phrase.</summary>
    MalformedStatusLine,

    /// <summary>The method contains a character that is not a token character.</summary>
    InvalidMethod,

    /// <summary>More than one SP between Request-Line elements (RFC 4475 §3.1.2.9, lwsstart).</summary>
    MultipleSpacesInRequestLine,

    /// <summary>White space between the SIP-Version and the CRLF (RFC 4475 §3.1.2.10, trws).</summary>
    TrailingWhitespaceInRequestLine,

    /// <summary>The Request-URI is empty, has no valid scheme, or contains a byte that must be escaped.</summary>
    InvalidRequestUri,

    /// <summary>The Request-URI is enclosed in &lt;&gt; (RFC 3261 §7.1; RFC 4475 §3.1.2.7, ltgtruri).</summary>
    RequestUriInAngleBrackets,

    /// <summary>The Request-URI contains linear white space (RFC 4475 §3.1.2.8, lwsruri).</summary>
    LwsInRequestUri,

    /// <summary>The protocol version is not of the form SIP/digits.digits.</summary>
    BadSipVersion,

    /// <summary>A well-formed SIP version other than 2.0 (RFC 4475 §3.1.2.16, badvers): 505 Version Not Supported.</summary>
    UnsupportedSipVersion,

    /// <summary>The Status-Code is not three digits in 100-699 (RFC 4475 §3.1.2.19, bigcode).</summary>
    BadStatusCode,

    // --- Header fields.

    /// <summary>The line after the start line begins with white space, which would fold it into the start line.</summary>
    HeaderLineStartsWithWhitespace,

    /// <summary>A header line has no colon after its name.</summary>
    MissingHeaderColon,

    /// <summary>A header name is empty or contains a character that is not a token character.</summary>
    InvalidHeaderName,

    /// <summary>A header that may appear once (To, From, Call-ID, CSeq, Max-Forwards, Content-Type) appears again (RFC 4475 §3.3.8, multi01).</summary>
    DuplicateSingletonHeader,

    /// <summary>Content-Length appears more than once (RFC 4475 §3.3.9, mcl01): the body length is ambiguous.</summary>
    MultipleContentLength,

    /// <summary>Content-Length is not 1*DIGIT within range (RFC 4475 §3.1.2.3, ncl: negative).</summary>
    InvalidContentLength,

    /// <summary>A stream message has no Content-Length, which RFC 3261 §18.3 requires on stream transports.</summary>
    MissingContentLength,

    /// <summary>The datagram ends before the body Content-Length declares (RFC 3261 §18.3; RFC 4475 §3.1.2.2, clerr).</summary>
    ContentLengthExceedsBody,

    /// <summary>Content-Length declares a body that would make the message longer than <see cref="SipParserOptions.MaxMessageSize"/>.</summary>
    BodyTooLarge,

    /// <summary>A header RFC 3261 §8.1.1 requires (To, From, CSeq, Call-ID, Via) is absent (RFC 4475 §3.3.1, insuf).</summary>
    MissingMandatoryHeader,

    /// <summary>CSeq is not 1*DIGIT LWS Method, or its number is 2**31 or more (RFC 4475 §3.1.2.4/§3.1.2.5, scalar02, scalarlg).</summary>
    InvalidCSeq,

    /// <summary>The CSeq method differs from the Request-Line method (RFC 4475 §3.1.2.17/§3.1.2.18, mismatch01, mismatch02).</summary>
    CSeqMethodMismatch,

    /// <summary>Max-Forwards is not 1*DIGIT in 0-255 (RFC 4475 §3.1.2.4, scalar02).</summary>
    InvalidMaxForwards,

    /// <summary>Call-ID is empty or contains white space.</summary>
    InvalidCallId,
}
