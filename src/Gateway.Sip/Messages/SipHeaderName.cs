namespace Gateway.Sip;

/// <summary>
/// A header field this gateway knows by name, whatever the case or form (long or compact) it arrived in.
/// Any other field is <see cref="Unknown"/> and is kept, in order, under the name it came with.
/// </summary>
/// <remarks>
/// The singletons whose repetition makes a message invalid come first so that a 64-bit mask can hold them;
/// <see cref="SipHeaderNames.Count"/> sizes the per-message index of first occurrences.
/// </remarks>
public enum SipHeaderName : byte
{
    /// <summary>A header field with a name not listed here.</summary>
    Unknown = 0,

    /// <summary>Call-ID (RFC 3261 §20.8); singleton. Compact form <c>i</c>.</summary>
    CallId,

    /// <summary>CSeq (RFC 3261 §20.16); singleton.</summary>
    CSeq,

    /// <summary>From (RFC 3261 §20.20); singleton. Compact form <c>f</c>.</summary>
    From,

    /// <summary>To (RFC 3261 §20.39); singleton. Compact form <c>t</c>.</summary>
    To,

    /// <summary>Max-Forwards (RFC 3261 §20.22); singleton.</summary>
    MaxForwards,

    /// <summary>Content-Length (RFC 3261 §20.14); singleton. Compact form <c>l</c>.</summary>
    ContentLength,

    /// <summary>Content-Type (RFC 3261 §20.15); singleton. Compact form <c>c</c>.</summary>
    ContentType,

    /// <summary>Via (RFC 3261 §20.42). Compact form <c>v</c>.</summary>
    Via,

    /// <summary>Contact (RFC 3261 §20.10). Compact form <c>m</c>.</summary>
    Contact,

    /// <summary>Route (RFC 3261 §20.34).</summary>
    Route,

    /// <summary>Record-Route (RFC 3261 §20.30).</summary>
    RecordRoute,

    /// <summary>Content-Encoding (RFC 3261 §20.12). Compact form <c>e</c>.</summary>
    ContentEncoding,

    /// <summary>Content-Disposition (RFC 3261 §20.11); says how SIP-I/SIP-T ISUP bodies are handled.</summary>
    ContentDisposition,

    /// <summary>Content-Language (RFC 3261 §20.13).</summary>
    ContentLanguage,

    /// <summary>MIME-Version (RFC 3261 §20.24).</summary>
    MimeVersion,

    /// <summary>Allow (RFC 3261 §20.5).</summary>
    Allow,

    /// <summary>Allow-Events (RFC 6665). Compact form <c>u</c>.</summary>
    AllowEvents,

    /// <summary>Supported (RFC 3261 §20.37). Compact form <c>k</c>.</summary>
    Supported,

    /// <summary>Require (RFC 3261 §20.32).</summary>
    Require,

    /// <summary>Proxy-Require (RFC 3261 §20.29).</summary>
    ProxyRequire,

    /// <summary>Unsupported (RFC 3261 §20.40).</summary>
    Unsupported,

    /// <summary>Accept (RFC 3261 §20.1).</summary>
    Accept,

    /// <summary>Accept-Encoding (RFC 3261 §20.2).</summary>
    AcceptEncoding,

    /// <summary>Accept-Language (RFC 3261 §20.3).</summary>
    AcceptLanguage,

    /// <summary>Subject (RFC 3261 §20.36). Compact form <c>s</c>.</summary>
    Subject,

    /// <summary>Event (RFC 6665). Compact form <c>o</c>.</summary>
    Event,

    /// <summary>Expires (RFC 3261 §20.19).</summary>
    Expires,

    /// <summary>Min-Expires (RFC 3261 §20.23).</summary>
    MinExpires,

    /// <summary>Date (RFC 3261 §20.17).</summary>
    Date,

    /// <summary>Timestamp (RFC 3261 §20.38).</summary>
    Timestamp,

    /// <summary>Organization (RFC 3261 §20.25).</summary>
    Organization,

    /// <summary>Priority (RFC 3261 §20.26).</summary>
    Priority,

    /// <summary>User-Agent (RFC 3261 §20.41).</summary>
    UserAgent,

    /// <summary>Server (RFC 3261 §20.35).</summary>
    Server,

    /// <summary>Warning (RFC 3261 §20.43).</summary>
    Warning,

    /// <summary>Retry-After (RFC 3261 §20.33).</summary>
    RetryAfter,

    /// <summary>In-Reply-To (RFC 3261 §20.21).</summary>
    InReplyTo,

    /// <summary>Reply-To (RFC 3261 §20.31).</summary>
    ReplyTo,

    /// <summary>Call-Info (RFC 3261 §20.9).</summary>
    CallInfo,

    /// <summary>Alert-Info (RFC 3261 §20.4).</summary>
    AlertInfo,

    /// <summary>Error-Info (RFC 3261 §20.18).</summary>
    ErrorInfo,

    /// <summary>Authorization (RFC 3261 §20.7).</summary>
    Authorization,

    /// <summary>Proxy-Authorization (RFC 3261 §20.28).</summary>
    ProxyAuthorization,

    /// <summary>WWW-Authenticate (RFC 3261 §20.44).</summary>
    WwwAuthenticate,

    /// <summary>Proxy-Authenticate (RFC 3261 §20.27).</summary>
    ProxyAuthenticate,

    /// <summary>Authentication-Info (RFC 3261 §20.6).</summary>
    AuthenticationInfo,

    /// <summary>RSeq (RFC 3262).</summary>
    RSeq,

    /// <summary>RAck (RFC 3262).</summary>
    RAck,

    /// <summary>Reason (RFC 3326); carries the Q.850 cause mapped to and from ISUP.</summary>
    Reason,

    /// <summary>Refer-To (RFC 3515). Compact form <c>r</c>.</summary>
    ReferTo,

    /// <summary>Referred-By (RFC 3892). Compact form <c>b</c>.</summary>
    ReferredBy,

    /// <summary>Replaces (RFC 3891).</summary>
    Replaces,

    /// <summary>Session-Expires (RFC 4028). Compact form <c>x</c>.</summary>
    SessionExpires,

    /// <summary>Min-SE (RFC 4028).</summary>
    MinSE,

    /// <summary>Subscription-State (RFC 6665).</summary>
    SubscriptionState,

    /// <summary>P-Asserted-Identity (RFC 3325); maps to the ISUP calling party number.</summary>
    PAssertedIdentity,

    /// <summary>P-Preferred-Identity (RFC 3325).</summary>
    PPreferredIdentity,

    /// <summary>Privacy (RFC 3323); maps to ISUP presentation restriction.</summary>
    Privacy,

    /// <summary>P-Charging-Vector (RFC 7315).</summary>
    PChargingVector,

    /// <summary>Diversion (RFC 5806); maps to ISUP redirection information.</summary>
    Diversion,

    /// <summary>History-Info (RFC 7044); maps to ISUP redirection information.</summary>
    HistoryInfo,

    /// <summary>Path (RFC 3327).</summary>
    Path,

    /// <summary>Service-Route (RFC 3608).</summary>
    ServiceRoute,

    /// <summary>SIP-ETag (RFC 3903).</summary>
    SipETag,

    /// <summary>SIP-If-Match (RFC 3903).</summary>
    SipIfMatch,

    /// <summary>Identity (RFC 8224). Compact form <c>y</c>.</summary>
    Identity,

    /// <summary>Accept-Contact (RFC 3841). Compact form <c>a</c>.</summary>
    AcceptContact,

    /// <summary>Reject-Contact (RFC 3841). Compact form <c>j</c>.</summary>
    RejectContact,

    /// <summary>Request-Disposition (RFC 3841). Compact form <c>d</c>.</summary>
    RequestDisposition,

    /// <summary>Session-ID (RFC 7989).</summary>
    SessionId,
}
