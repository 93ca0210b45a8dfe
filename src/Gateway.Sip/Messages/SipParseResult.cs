namespace Gateway.Sip;

/// <summary>
/// The outcome of one parse attempt: a status, and for an invalid message the first defect found, where,
/// and what the receiver can still do about it.
/// </summary>
public readonly struct SipParseResult
{
    internal SipParseResult(SipParseStatus status, SipParseError error, SipHeaderName header, int errorOffset, bool canRespond, bool framingLost)
    {
        Status = status;
        Error = error;
        Header = header;
        ErrorOffset = errorOffset;
        CanRespond = canRespond;
        FramingLost = framingLost;
    }

    /// <summary>What the attempt produced.</summary>
    public SipParseStatus Status { get; }

    /// <summary>
    /// The defect that stopped parsing (see <see cref="SipParseErrors.StopsParsing"/>), otherwise the first one
    /// found in wire order; <see cref="SipParseError.None"/> when there is none.
    /// </summary>
    public SipParseError Error { get; }

    /// <summary>
    /// The header the defect concerns, where there is one (e.g. CSeq for <see cref="SipParseError.DuplicateSingletonHeader"/>,
    /// To for <see cref="SipParseError.MissingMandatoryHeader"/>); <see cref="SipHeaderName.Unknown"/> otherwise.
    /// </summary>
    public SipHeaderName Header { get; }

    /// <summary>Offset of the defect from the start of the message (after any skipped leading CRLFs); -1 when none.</summary>
    public int ErrorOffset { get; }

    /// <summary>
    /// For an invalid request: every line was delimited and To, From, CSeq, Call-ID and Via are present, so
    /// the message is handed out (and must be disposed) and a response such as
    /// <see cref="SipParseErrors.GetStatusCode"/> + <see cref="GetReasonPhrase"/> can be built and routed back
    /// from its headers. Always false for responses, which are discarded (RFC 3261 §18.3).
    /// </summary>
    public bool CanRespond { get; }

    /// <summary>
    /// Stream only: where this message ends is unknown (bad, missing or repeated Content-Length, broken line
    /// ends, limits exceeded), so later bytes cannot be trusted to start a message: respond if
    /// <see cref="CanRespond"/>, then close the connection.
    /// </summary>
    public bool FramingLost { get; }

    /// <summary>Whether a whole valid message was parsed.</summary>
    public bool IsComplete => Status == SipParseStatus.Complete;

    /// <summary>The status code a response to this defect carries (400, 505 or 513); 0 when there is no defect.</summary>
    public int StatusCode => SipParseErrors.GetStatusCode(Error);

    /// <summary>The reason phrase naming the defect and, where there is one, the header (e.g. "Bad Request - Duplicate CSeq header").</summary>
    public string GetReasonPhrase() => SipParseErrors.GetReasonPhrase(Error, Header);

    /// <inheritdoc />
    public override string ToString() => Error == SipParseError.None
        ? Status.ToString()
        : $"{Status}: {Error}{(Header == SipHeaderName.Unknown ? "" : $" ({Header})")} at offset {ErrorOffset}";
}
