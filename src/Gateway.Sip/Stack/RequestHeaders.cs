using System.Globalization;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// The headers the stack itself reads from a received request, typed: the top Via (matching, routing the responses),
/// From and To (tags), Call-ID and the CSeq number; and the keys the request is matched under (RFC 3261 §17.2.3).
/// The parser has checked the message's structure; these are the typed checks it leaves to its users.
/// </summary>
internal sealed class RequestHeaders
{
    private static readonly BoundedMemo<(string Host, int Port), string> SentBys = new(4096);

    private RequestHeaders(string method, ViaHeader topVia, string topViaText, string sentBy, NameAddress from, NameAddress to, string callId, int cseq, string requestUri)
    {
        Method = method;
        TopVia = topVia;
        TopViaText = topViaText;
        SentBy = sentBy;
        From = from;
        To = to;
        CallId = callId;
        CSeq = cseq;
        RequestUri = requestUri;
    }

    /// <summary>The method token, e.g. <c>INVITE</c>.</summary>
    public string Method { get; }

    /// <summary>The first via-parm of the first Via header.</summary>
    public ViaHeader TopVia { get; }

    /// <summary>The top via-parm as received (RFC 2543 matching compares it whole).</summary>
    public string TopViaText { get; }

    /// <summary>The top Via's sent-by normalised for keys: lower-case host, port always written.</summary>
    public string SentBy { get; }

    /// <summary>The From value.</summary>
    public NameAddress From { get; }

    /// <summary>The To value.</summary>
    public NameAddress To { get; }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>The CSeq number.</summary>
    public int CSeq { get; }

    /// <summary>The Request-URI as received.</summary>
    public string RequestUri { get; }

    /// <summary>
    /// Whether the top Via carries an RFC 3261 branch (the magic cookie and more), so that the branch alone identifies
    /// the transaction; otherwise the RFC 2543 rules of §17.2.3 apply.
    /// </summary>
    public bool HasRfc3261Branch => TopVia.IsRfc3261Branch;

    /// <summary>The default port of a sent-by without one (RFC 3261 §18.2.2, §19.1.2).</summary>
    public static int DefaultPort(string transport) => transport is "TLS" or "WSS" or "TLS-SCTP" ? 5061 : 5060;

    /// <summary>Reads the typed headers of a request the parser handed out.</summary>
    /// <param name="message">The request.</param>
    /// <param name="headers">The headers when they are valid.</param>
    /// <param name="invalid">Otherwise the first header that is not (Via, From or To).</param>
    /// <returns>Whether every header the stack reads is valid.</returns>
    public static bool TryRead(SipMessage message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RequestHeaders? headers, out SipHeaderName invalid)
    {
        headers = null;
        if (!TryReadTopVia(message, out ViaHeader? via, out string? viaText))
        {
            invalid = SipHeaderName.Via;
            return false;
        }

        if (!NameAddress.TryParse(message.GetHeaderValue(SipHeaderName.From), out NameAddress? from))
        {
            invalid = SipHeaderName.From;
            return false;
        }

        if (!NameAddress.TryParse(message.GetHeaderValue(SipHeaderName.To), out NameAddress? to))
        {
            invalid = SipHeaderName.To;
            return false;
        }

        invalid = SipHeaderName.Unknown;
        string sentBy = SentByOf(via.Host, via.Port ?? DefaultPort(via.Transport));
        headers = new RequestHeaders(
            SipMethods.GetText(message.Method) ?? Encoding.UTF8.GetString(message.MethodToken), via, viaText, sentBy, from, to,
            Encoding.UTF8.GetString(message.CallId), message.CSeqNumber, Encoding.UTF8.GetString(message.RequestUri));
        return true;
    }

    /// <summary>The first via-parm of the first Via header, typed and as text.</summary>
    public static bool TryReadTopVia(SipMessage message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ViaHeader? via, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        via = null;
        text = null;
        ReadOnlySpan<byte> value = message.GetHeaderValue(SipHeaderName.Via);
        var list = new List<ViaHeader>(2);
        if (!ViaHeader.TryParseList(value, list))
        {
            return false;
        }

        var elements = new CommaSeparatedValues(value);
        elements.MoveNext();
        via = list[0];
        text = Encoding.UTF8.GetString(elements.Current);
        return true;
    }

    /// <summary>
    /// The normalised sent-by, one string per host and port: it stays in the transaction's key for the transaction's
    /// life, 32 s after the final response over UDP, and nearly every request comes from the same few PBXs and switches.
    /// </summary>
    private static string SentByOf(string host, int port) =>
        SentBys.Get((host, port), static key => string.Create(CultureInfo.InvariantCulture, $"{key.Host.ToLowerInvariant()}:{key.Port}"));

    /// <summary>
    /// The key of the server transaction this request belongs to, or creates (§17.2.3). With an RFC 3261 branch:
    /// branch, sent-by and method (an ACK maps to INVITE). Without: the RFC 2543 rule, folded into one key whose branch
    /// part is Request-URI, To tag, From tag, Call-ID, CSeq number and top Via.
    /// </summary>
    /// <param name="toTag">The To tag to build an RFC 2543 key with (see <see cref="AckKeys"/>); ignored for RFC 3261 branches.</param>
    public TransactionKey Key(string? toTag) => HasRfc3261Branch
        ? TransactionKey.ForServer(TopVia.Branch!, SentBy, Method)
        : TransactionKey.ForServer(Rfc2543Branch(toTag), SentBy, Method);

    /// <summary>The key of a request that is not an ACK: its own To tag takes part in RFC 2543 matching.</summary>
    public TransactionKey Key() => Key(To.Tag);

    /// <summary>
    /// The keys an ACK may match under. RFC 3261: one. RFC 2543: the INVITE was keyed with its own To tag — none for an
    /// initial INVITE, the dialog's for a re-INVITE — while the ACK carries the tag of our response, so both are tried
    /// and the caller checks the ACK's tag against the response's (§17.2.3).
    /// </summary>
    public TransactionKey[] AckKeys() => HasRfc3261Branch ? [Key(null)] : [Key(To.Tag), Key(null)];

    private string Rfc2543Branch(string? toTag) => string.Join(
        '\u0001', "rfc2543", RequestUri, toTag ?? string.Empty, From.Tag ?? string.Empty, CallId, CSeq.ToString(CultureInfo.InvariantCulture), TopViaText);
}
