using System.Text;

namespace Gateway.Sip;

/// <summary>What to answer for each <see cref="SipParseError"/>, and how far parsing got past it.</summary>
public static class SipParseErrors
{
    /// <summary>
    /// The status code of the response a request with this defect gets: 505 for a SIP version other than
    /// 2.0, 513 when a size limit was exceeded, 400 otherwise; 0 for <see cref="SipParseError.None"/>.
    /// </summary>
    public static int GetStatusCode(SipParseError error) => error switch
    {
        SipParseError.None => 0,
        SipParseError.UnsupportedSipVersion => 505,
        SipParseError.MessageTooLarge or SipParseError.BodyTooLarge => 513,
        _ => 400,
    };

    /// <summary>
    /// The reason phrase of that response, naming the defect after the standard phrase
    /// (e.g. "Bad Request - Content-Length exceeds body"). Constant strings: nothing is allocated.
    /// </summary>
    public static string GetReasonPhrase(SipParseError error) => error switch
    {
        SipParseError.None => "OK",
        SipParseError.EmptyMessage => "Bad Request - Empty message",
        SipParseError.InvalidLineEnding => "Bad Request - Line not terminated by CRLF",
        SipParseError.MissingEmptyLine => "Bad Request - Header section not terminated by an empty line",
        SipParseError.TooManyHeaders => "Bad Request - Too many header fields",
        SipParseError.MessageTooLarge => "Message Too Large",
        SipParseError.MalformedRequestLine => "Bad Request - Invalid Request-Line",
        SipParseError.MalformedStatusLine => "Bad Request - Invalid Status-Line",
        SipParseError.InvalidMethod => "Bad Request - Invalid method",
        SipParseError.MultipleSpacesInRequestLine => "Bad Request - Multiple SP in Request-Line",
        SipParseError.TrailingWhitespaceInRequestLine => "Bad Request - Trailing white space in Request-Line",
        SipParseError.InvalidRequestUri => "Bad Request - Invalid Request-URI",
        SipParseError.RequestUriInAngleBrackets => "Bad Request - Request-URI enclosed in <>",
        SipParseError.LwsInRequestUri => "Bad Request - White space in Request-URI",
        SipParseError.BadSipVersion => "Bad Request - Invalid SIP-Version",
        SipParseError.UnsupportedSipVersion => "Version Not Supported",
        SipParseError.BadStatusCode => "Bad Request - Invalid Status-Code",
        SipParseError.HeaderLineStartsWithWhitespace => "Bad Request - Header line starts with white space",
        SipParseError.MissingHeaderColon => "Bad Request - Header line without colon",
        SipParseError.InvalidHeaderName => "Bad Request - Invalid header name",
        SipParseError.DuplicateSingletonHeader => "Bad Request - Duplicate single-instance header",
        SipParseError.MultipleContentLength => "Bad Request - Multiple Content-Length headers",
        SipParseError.InvalidContentLength => "Bad Request - Invalid Content-Length",
        SipParseError.MissingContentLength => "Bad Request - Content-Length required on stream transports",
        SipParseError.ContentLengthExceedsBody => "Bad Request - Content-Length exceeds body",
        SipParseError.BodyTooLarge => "Message Too Large - Body exceeds size limit",
        SipParseError.MissingMandatoryHeader => "Bad Request - Missing mandatory header",
        SipParseError.InvalidCSeq => "Bad Request - Invalid CSeq",
        SipParseError.CSeqMethodMismatch => "Bad Request - CSeq method does not match Request-Line",
        SipParseError.InvalidMaxForwards => "Bad Request - Invalid Max-Forwards",
        SipParseError.InvalidCallId => "Bad Request - Invalid Call-ID",
        _ => "Bad Request",
    };

    /// <summary>
    /// As <see cref="GetReasonPhrase(SipParseError)"/>, naming the header for the defects that concern one
    /// (e.g. "Bad Request - Duplicate CSeq header", "Bad Request - Missing To header"). Allocates for those;
    /// it is meant for the rejection path only.
    /// </summary>
    public static string GetReasonPhrase(SipParseError error, SipHeaderName header)
    {
        if (header == SipHeaderName.Unknown)
        {
            return GetReasonPhrase(error);
        }

        string name = Encoding.ASCII.GetString(SipHeaderNames.GetName(header));
        return error switch
        {
            SipParseError.DuplicateSingletonHeader => $"Bad Request - Duplicate {name} header",
            SipParseError.MissingMandatoryHeader => $"Bad Request - Missing {name} header",
            _ => GetReasonPhrase(error),
        };
    }

    /// <summary>
    /// Whether the parser stops at this defect: line ends can no longer be trusted or a limit was hit, so
    /// nothing after it is read and no response can be built (<see cref="SipParseResult.CanRespond"/> is false).
    /// For every other defect the parser records the first one and reads on to the end of the header section.
    /// </summary>
    public static bool StopsParsing(SipParseError error) => error is SipParseError.EmptyMessage
        or SipParseError.InvalidLineEnding or SipParseError.MissingEmptyLine or SipParseError.TooManyHeaders
        or SipParseError.MessageTooLarge;
}
