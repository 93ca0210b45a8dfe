using System.Buffers.Binary;

namespace Gateway.Sip;

/// <summary>Header field names: recognition of the wire form and the canonical spelling to send.</summary>
public static class SipHeaderNames
{
    /// <summary>Number of <see cref="SipHeaderName"/> members, <see cref="SipHeaderName.Unknown"/> included.</summary>
    public const int Count = (int)SipHeaderName.SessionId + 1;

    // Header fields that may appear at most once: RFC 3261 §7.3.1 allows repetition only for comma-list
    // fields, and RFC 4475 §3.3.8/§3.3.9 (multi01, mcl01) make repeated instances of these a 400. Content-Type
    // is included because two of them leave the body's type (SDP or ISUP) ambiguous.
    private const ulong SingletonMask =
        1UL << (int)SipHeaderName.CallId | 1UL << (int)SipHeaderName.CSeq | 1UL << (int)SipHeaderName.From |
        1UL << (int)SipHeaderName.To | 1UL << (int)SipHeaderName.MaxForwards |
        1UL << (int)SipHeaderName.ContentLength | 1UL << (int)SipHeaderName.ContentType;

    /// <summary>
    /// The known header a field name denotes, in long or compact form, compared case-insensitively
    /// (RFC 3261 §7.3.1); <see cref="SipHeaderName.Unknown"/> otherwise. <c>C%6Fntact</c> is not Contact:
    /// names are tokens and are never unescaped.
    /// </summary>
    public static SipHeaderName Identify(ReadOnlySpan<byte> name)
    {
        // By length, then by first letter: each candidate costs one or two masked 64-bit compares.
        switch (name.Length)
        {
            case 0:
                return SipHeaderName.Unknown;
            case 1:
                return IdentifyCompact(name[0]);
            case 2:
                return Matches(name, "to"u8) ? SipHeaderName.To : SipHeaderName.Unknown;
            case 3:
                return Matches(name, "via"u8) ? SipHeaderName.Via : SipHeaderName.Unknown;
            case 4:
                switch (name[0] | 0x20)
                {
                    case 'c':
                        if (Matches(name, "cseq"u8)) return SipHeaderName.CSeq;
                        break;
                    case 'd':
                        if (Matches(name, "date"u8)) return SipHeaderName.Date;
                        break;
                    case 'f':
                        if (Matches(name, "from"u8)) return SipHeaderName.From;
                        break;
                    case 'p':
                        if (Matches(name, "path"u8)) return SipHeaderName.Path;
                        break;
                    case 'r':
                        if (Matches(name, "rseq"u8)) return SipHeaderName.RSeq;
                        if (Matches(name, "rack"u8)) return SipHeaderName.RAck;
                        break;
                }

                return SipHeaderName.Unknown;
            case 5:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "allow"u8)) return SipHeaderName.Allow;
                        break;
                    case 'e':
                        if (Matches(name, "event"u8)) return SipHeaderName.Event;
                        break;
                    case 'r':
                        if (Matches(name, "route"u8)) return SipHeaderName.Route;
                        break;
                }

                return SipHeaderName.Unknown;
            case 6:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "accept"u8)) return SipHeaderName.Accept;
                        break;
                    case 'm':
                        if (Matches(name, "min-se"u8)) return SipHeaderName.MinSE;
                        break;
                    case 'r':
                        if (Matches(name, "reason"u8)) return SipHeaderName.Reason;
                        break;
                    case 's':
                        if (Matches(name, "server"u8)) return SipHeaderName.Server;
                        break;
                }

                return SipHeaderName.Unknown;
            case 7:
                switch (name[0] | 0x20)
                {
                    case 'c':
                        if (Matches(name, "call-id"u8)) return SipHeaderName.CallId;
                        if (Matches(name, "contact"u8)) return SipHeaderName.Contact;
                        break;
                    case 'e':
                        if (Matches(name, "expires"u8)) return SipHeaderName.Expires;
                        break;
                    case 'p':
                        if (Matches(name, "privacy"u8)) return SipHeaderName.Privacy;
                        break;
                    case 'r':
                        if (Matches(name, "require"u8)) return SipHeaderName.Require;
                        break;
                    case 's':
                        if (Matches(name, "subject"u8)) return SipHeaderName.Subject;
                        break;
                    case 'w':
                        if (Matches(name, "warning"u8)) return SipHeaderName.Warning;
                        break;
                }

                return SipHeaderName.Unknown;
            case 8:
                switch (name[0] | 0x20)
                {
                    case 'i':
                        if (Matches(name, "identity"u8)) return SipHeaderName.Identity;
                        break;
                    case 'p':
                        if (Matches(name, "priority"u8)) return SipHeaderName.Priority;
                        break;
                    case 'r':
                        if (Matches(name, "reply-to"u8)) return SipHeaderName.ReplyTo;
                        if (Matches(name, "refer-to"u8)) return SipHeaderName.ReferTo;
                        if (Matches(name, "replaces"u8)) return SipHeaderName.Replaces;
                        break;
                    case 's':
                        if (Matches(name, "sip-etag"u8)) return SipHeaderName.SipETag;
                        break;
                }

                return SipHeaderName.Unknown;
            case 9:
                switch (name[0] | 0x20)
                {
                    case 'c':
                        if (Matches(name, "call-info"u8)) return SipHeaderName.CallInfo;
                        break;
                    case 'd':
                        if (Matches(name, "diversion"u8)) return SipHeaderName.Diversion;
                        break;
                    case 's':
                        if (Matches(name, "supported"u8)) return SipHeaderName.Supported;
                        break;
                    case 't':
                        if (Matches(name, "timestamp"u8)) return SipHeaderName.Timestamp;
                        break;
                }

                return SipHeaderName.Unknown;
            case 10:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "alert-info"u8)) return SipHeaderName.AlertInfo;
                        break;
                    case 'e':
                        if (Matches(name, "error-info"u8)) return SipHeaderName.ErrorInfo;
                        break;
                    case 's':
                        if (Matches(name, "session-id"u8)) return SipHeaderName.SessionId;
                        break;
                    case 'u':
                        if (Matches(name, "user-agent"u8)) return SipHeaderName.UserAgent;
                        break;
                }

                return SipHeaderName.Unknown;
            case 11:
                switch (name[0] | 0x20)
                {
                    case 'i':
                        if (Matches(name, "in-reply-to"u8)) return SipHeaderName.InReplyTo;
                        break;
                    case 'm':
                        if (Matches(name, "min-expires"u8)) return SipHeaderName.MinExpires;
                        break;
                    case 'r':
                        if (Matches(name, "retry-after"u8)) return SipHeaderName.RetryAfter;
                        if (Matches(name, "referred-by"u8)) return SipHeaderName.ReferredBy;
                        break;
                    case 'u':
                        if (Matches(name, "unsupported"u8)) return SipHeaderName.Unsupported;
                        break;
                }

                return SipHeaderName.Unknown;
            case 12:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "allow-events"u8)) return SipHeaderName.AllowEvents;
                        break;
                    case 'c':
                        if (Matches(name, "content-type"u8)) return SipHeaderName.ContentType;
                        break;
                    case 'h':
                        if (Matches(name, "history-info"u8)) return SipHeaderName.HistoryInfo;
                        break;
                    case 'm':
                        if (Matches(name, "max-forwards"u8)) return SipHeaderName.MaxForwards;
                        if (Matches(name, "mime-version"u8)) return SipHeaderName.MimeVersion;
                        break;
                    case 'o':
                        if (Matches(name, "organization"u8)) return SipHeaderName.Organization;
                        break;
                    case 'r':
                        if (Matches(name, "record-route"u8)) return SipHeaderName.RecordRoute;
                        break;
                    case 's':
                        if (Matches(name, "sip-if-match"u8)) return SipHeaderName.SipIfMatch;
                        break;
                }

                return SipHeaderName.Unknown;
            case 13:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "authorization"u8)) return SipHeaderName.Authorization;
                        break;
                    case 'p':
                        if (Matches(name, "proxy-require"u8)) return SipHeaderName.ProxyRequire;
                        break;
                    case 's':
                        if (Matches(name, "service-route"u8)) return SipHeaderName.ServiceRoute;
                        break;
                }

                return SipHeaderName.Unknown;
            case 14:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "accept-contact"u8)) return SipHeaderName.AcceptContact;
                        break;
                    case 'c':
                        if (Matches(name, "content-length"u8)) return SipHeaderName.ContentLength;
                        break;
                    case 'r':
                        if (Matches(name, "reject-contact"u8)) return SipHeaderName.RejectContact;
                        break;
                }

                return SipHeaderName.Unknown;
            case 15:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "accept-encoding"u8)) return SipHeaderName.AcceptEncoding;
                        if (Matches(name, "accept-language"u8)) return SipHeaderName.AcceptLanguage;
                        break;
                    case 's':
                        if (Matches(name, "session-expires"u8)) return SipHeaderName.SessionExpires;
                        break;
                }

                return SipHeaderName.Unknown;
            case 16:
                switch (name[0] | 0x20)
                {
                    case 'c':
                        if (Matches(name, "content-encoding"u8)) return SipHeaderName.ContentEncoding;
                        if (Matches(name, "content-language"u8)) return SipHeaderName.ContentLanguage;
                        break;
                    case 'w':
                        if (Matches(name, "www-authenticate"u8)) return SipHeaderName.WwwAuthenticate;
                        break;
                }

                return SipHeaderName.Unknown;
            case 17:
                return Matches(name, "p-charging-vector"u8) ? SipHeaderName.PChargingVector : SipHeaderName.Unknown;
            case 18:
                switch (name[0] | 0x20)
                {
                    case 'p':
                        if (Matches(name, "proxy-authenticate"u8)) return SipHeaderName.ProxyAuthenticate;
                        break;
                    case 's':
                        if (Matches(name, "subscription-state"u8)) return SipHeaderName.SubscriptionState;
                        break;
                }

                return SipHeaderName.Unknown;
            case 19:
                switch (name[0] | 0x20)
                {
                    case 'a':
                        if (Matches(name, "authentication-info"u8)) return SipHeaderName.AuthenticationInfo;
                        break;
                    case 'c':
                        if (Matches(name, "content-disposition"u8)) return SipHeaderName.ContentDisposition;
                        break;
                    case 'p':
                        if (Matches(name, "proxy-authorization"u8)) return SipHeaderName.ProxyAuthorization;
                        if (Matches(name, "p-asserted-identity"u8)) return SipHeaderName.PAssertedIdentity;
                        break;
                    case 'r':
                        if (Matches(name, "request-disposition"u8)) return SipHeaderName.RequestDisposition;
                        break;
                }

                return SipHeaderName.Unknown;
            case 20:
                return Matches(name, "p-preferred-identity"u8) ? SipHeaderName.PPreferredIdentity : SipHeaderName.Unknown;
            default:
                return SipHeaderName.Unknown;
        }
    }

    /// <summary>The canonical long-form name to send (e.g. <c>Call-ID</c>); empty for <see cref="SipHeaderName.Unknown"/>.</summary>
    public static ReadOnlySpan<byte> GetName(SipHeaderName name) => name switch
    {
        SipHeaderName.CallId => "Call-ID"u8,
        SipHeaderName.CSeq => "CSeq"u8,
        SipHeaderName.From => "From"u8,
        SipHeaderName.To => "To"u8,
        SipHeaderName.MaxForwards => "Max-Forwards"u8,
        SipHeaderName.ContentLength => "Content-Length"u8,
        SipHeaderName.ContentType => "Content-Type"u8,
        SipHeaderName.Via => "Via"u8,
        SipHeaderName.Contact => "Contact"u8,
        SipHeaderName.Route => "Route"u8,
        SipHeaderName.RecordRoute => "Record-Route"u8,
        SipHeaderName.ContentEncoding => "Content-Encoding"u8,
        SipHeaderName.ContentDisposition => "Content-Disposition"u8,
        SipHeaderName.ContentLanguage => "Content-Language"u8,
        SipHeaderName.MimeVersion => "MIME-Version"u8,
        SipHeaderName.Allow => "Allow"u8,
        SipHeaderName.AllowEvents => "Allow-Events"u8,
        SipHeaderName.Supported => "Supported"u8,
        SipHeaderName.Require => "Require"u8,
        SipHeaderName.ProxyRequire => "Proxy-Require"u8,
        SipHeaderName.Unsupported => "Unsupported"u8,
        SipHeaderName.Accept => "Accept"u8,
        SipHeaderName.AcceptEncoding => "Accept-Encoding"u8,
        SipHeaderName.AcceptLanguage => "Accept-Language"u8,
        SipHeaderName.Subject => "Subject"u8,
        SipHeaderName.Event => "Event"u8,
        SipHeaderName.Expires => "Expires"u8,
        SipHeaderName.MinExpires => "Min-Expires"u8,
        SipHeaderName.Date => "Date"u8,
        SipHeaderName.Timestamp => "Timestamp"u8,
        SipHeaderName.Organization => "Organization"u8,
        SipHeaderName.Priority => "Priority"u8,
        SipHeaderName.UserAgent => "User-Agent"u8,
        SipHeaderName.Server => "Server"u8,
        SipHeaderName.Warning => "Warning"u8,
        SipHeaderName.RetryAfter => "Retry-After"u8,
        SipHeaderName.InReplyTo => "In-Reply-To"u8,
        SipHeaderName.ReplyTo => "Reply-To"u8,
        SipHeaderName.CallInfo => "Call-Info"u8,
        SipHeaderName.AlertInfo => "Alert-Info"u8,
        SipHeaderName.ErrorInfo => "Error-Info"u8,
        SipHeaderName.Authorization => "Authorization"u8,
        SipHeaderName.ProxyAuthorization => "Proxy-Authorization"u8,
        SipHeaderName.WwwAuthenticate => "WWW-Authenticate"u8,
        SipHeaderName.ProxyAuthenticate => "Proxy-Authenticate"u8,
        SipHeaderName.AuthenticationInfo => "Authentication-Info"u8,
        SipHeaderName.RSeq => "RSeq"u8,
        SipHeaderName.RAck => "RAck"u8,
        SipHeaderName.Reason => "Reason"u8,
        SipHeaderName.ReferTo => "Refer-To"u8,
        SipHeaderName.ReferredBy => "Referred-By"u8,
        SipHeaderName.Replaces => "Replaces"u8,
        SipHeaderName.SessionExpires => "Session-Expires"u8,
        SipHeaderName.MinSE => "Min-SE"u8,
        SipHeaderName.SubscriptionState => "Subscription-State"u8,
        SipHeaderName.PAssertedIdentity => "P-Asserted-Identity"u8,
        SipHeaderName.PPreferredIdentity => "P-Preferred-Identity"u8,
        SipHeaderName.Privacy => "Privacy"u8,
        SipHeaderName.PChargingVector => "P-Charging-Vector"u8,
        SipHeaderName.Diversion => "Diversion"u8,
        SipHeaderName.HistoryInfo => "History-Info"u8,
        SipHeaderName.Path => "Path"u8,
        SipHeaderName.ServiceRoute => "Service-Route"u8,
        SipHeaderName.SipETag => "SIP-ETag"u8,
        SipHeaderName.SipIfMatch => "SIP-If-Match"u8,
        SipHeaderName.Identity => "Identity"u8,
        SipHeaderName.AcceptContact => "Accept-Contact"u8,
        SipHeaderName.RejectContact => "Reject-Contact"u8,
        SipHeaderName.RequestDisposition => "Request-Disposition"u8,
        SipHeaderName.SessionId => "Session-ID"u8,
        _ => default,
    };

    /// <summary>The compact form (RFC 3261 §7.3.3 and extensions), e.g. <c>i</c> for Call-ID; empty if the header has none.</summary>
    public static ReadOnlySpan<byte> GetCompactName(SipHeaderName name) => name switch
    {
        SipHeaderName.CallId => "i"u8,
        SipHeaderName.From => "f"u8,
        SipHeaderName.To => "t"u8,
        SipHeaderName.ContentLength => "l"u8,
        SipHeaderName.ContentType => "c"u8,
        SipHeaderName.Via => "v"u8,
        SipHeaderName.Contact => "m"u8,
        SipHeaderName.ContentEncoding => "e"u8,
        SipHeaderName.AllowEvents => "u"u8,
        SipHeaderName.Supported => "k"u8,
        SipHeaderName.Subject => "s"u8,
        SipHeaderName.Event => "o"u8,
        SipHeaderName.ReferTo => "r"u8,
        SipHeaderName.ReferredBy => "b"u8,
        SipHeaderName.SessionExpires => "x"u8,
        SipHeaderName.Identity => "y"u8,
        SipHeaderName.AcceptContact => "a"u8,
        SipHeaderName.RejectContact => "j"u8,
        SipHeaderName.RequestDisposition => "d"u8,
        _ => default,
    };

    /// <summary>Whether a message may carry at most one instance of this header field.</summary>
    public static bool IsSingleton(SipHeaderName name) => (SingletonMask >> (int)name & 1) != 0;

    private static SipHeaderName IdentifyCompact(byte letter) => (letter | 0x20) switch
    {
            'a' => SipHeaderName.AcceptContact,
            'b' => SipHeaderName.ReferredBy,
            'c' => SipHeaderName.ContentType,
            'd' => SipHeaderName.RequestDisposition,
            'e' => SipHeaderName.ContentEncoding,
            'f' => SipHeaderName.From,
            'i' => SipHeaderName.CallId,
            'j' => SipHeaderName.RejectContact,
            'k' => SipHeaderName.Supported,
            'l' => SipHeaderName.ContentLength,
            'm' => SipHeaderName.Contact,
            'o' => SipHeaderName.Event,
            'r' => SipHeaderName.ReferTo,
            's' => SipHeaderName.Subject,
            't' => SipHeaderName.To,
            'u' => SipHeaderName.AllowEvents,
            'v' => SipHeaderName.Via,
            'x' => SipHeaderName.SessionExpires,
            'y' => SipHeaderName.Identity,
        _ => SipHeaderName.Unknown,
    };

    // Case-insensitive equality with a lower-case literal of the same length (at most 24 bytes). Only the
    // literal's letters get the 0x20 case bit OR-ed into the candidate, so a byte matches a letter exactly when it
    // is that letter in either case, and matches '-' or a digit only when it is that byte: no other byte can
    // alias (0x0D | 0x20 would otherwise equal '-').
    private static bool Matches(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower)
    {
        int length = lower.Length;
        if (length >= 8)
        {
            if (!Matches8(name, lower, 0) || !Matches8(name, lower, length - 8))
            {
                return false;
            }

            return length <= 16 || Matches8(name, lower, 8);
        }

        if (length >= 4)
        {
            return Matches4(name, lower, 0) && Matches4(name, lower, length - 4);
        }

        for (int i = 0; i < length; i++)
        {
            int expected = lower[i];
            int caseBit = (expected & 0x40) >> 1;
            if ((name[i] | caseBit) != expected)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches8(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower, int offset)
    {
        ulong expected = BinaryPrimitives.ReadUInt64LittleEndian(lower[offset..]);
        ulong caseBits = (expected & 0x4040404040404040UL) >> 1;
        return (BinaryPrimitives.ReadUInt64LittleEndian(name[offset..]) | caseBits) == expected;
    }

    private static bool Matches4(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower, int offset)
    {
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(lower[offset..]);
        uint caseBits = (expected & 0x40404040U) >> 1;
        return (BinaryPrimitives.ReadUInt32LittleEndian(name[offset..]) | caseBits) == expected;
    }
}
