namespace Gateway.Sip;

/// <summary>What a parse attempt produced.</summary>
public enum SipParseStatus : byte
{
    /// <summary>A whole, valid message was parsed.</summary>
    Complete,

    /// <summary>Stream only: the buffered bytes do not yet hold a whole message; read more and call again.</summary>
    NeedMoreData,

    /// <summary>
    /// The bytes are not a valid message; <see cref="SipParseResult.Error"/> says why, and
    /// <see cref="SipParseResult.CanRespond"/> whether a response can still be built from the parsed headers.
    /// </summary>
    Invalid,

    /// <summary>
    /// A keep-alive rather than a message: a datagram holding only CRLFs, or on a stream the CRLFCRLF ping of
    /// RFC 5626 §3.5.1, which the transport answers with a single CRLF.
    /// </summary>
    KeepAlive,
}
