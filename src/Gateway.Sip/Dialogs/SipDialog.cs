using System.Diagnostics.CodeAnalysis;
using System.Net;
using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// One SIP dialog (RFC 3261 §12): its identifier, the two parties, the remote target, the route set and the two
/// CSeq spaces, and what follows from them: the Request-URI and Route headers of every request sent inside it
/// (loose or strict routing, §12.2.1.1) and whether a received request is in order (§12.2.2). It sends nothing itself.
/// Not thread-safe: the call that owns it serialises its use.
/// </summary>
public sealed class SipDialog : IStateful<SipDialogState>
{
    private static readonly StateMachine<SipDialogState, SipDialogTrigger, SipDialog> Machine = BuildMachine();

    private SipDialog(SipDialogId id, NameAddress localParty, NameAddress remoteParty, SipUri remoteTarget,
        IReadOnlyList<NameAddress> routeSet, uint localSequence, uint? remoteSequence, SipDialogState state)
    {
        Id = id;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        LocalSequence = localSequence;
        RemoteSequence = remoteSequence;
        State = state;
    }

    public SipDialogState State { get; set; }

    public SipDialogId Id { get; }

    /// <summary>Our address of record with our tag: the From of the requests we send in the dialog.</summary>
    public NameAddress LocalParty { get; }

    /// <summary>The peer's address with its tag: the To of the requests we send in the dialog.</summary>
    public NameAddress RemoteParty { get; }

    /// <summary>The peer's Contact: where requests in the dialog go (updated by target refreshes).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The Record-Route set, in the order our requests must traverse it.</summary>
    public IReadOnlyList<NameAddress> RouteSet { get; private set; }

    /// <summary>The CSeq number of the last request we sent in the dialog.</summary>
    public uint LocalSequence { get; private set; }

    /// <summary>The CSeq number of the last request the peer sent in the dialog; null until it sends one.</summary>
    public uint? RemoteSequence { get; private set; }

    public bool IsConfirmed => State == SipDialogState.Confirmed;

    public bool IsTerminated => State == SipDialogState.Terminated;

    /// <summary>
    /// The dialog a UAS creates by answering <paramref name="request"/> (an INVITE) with a 1xx carrying
    /// <paramref name="localTag"/> or with a 2xx (RFC 3261 §12.1.1); null when the request lacks what a dialog needs
    /// (a From tag, one Contact).
    /// </summary>
    public static SipDialog? CreateAsUas(SipMessage request, string localTag, bool confirmed)
    {
        if (!TryReadParties(request, out var from, out var to) || from.Tag is null || !TryReadContact(request, out var contact))
        {
            return null;
        }
        var routeSet = ReadRecordRoute(request, reverse: false);
        return new SipDialog(
            new SipDialogId(System.Text.Encoding.UTF8.GetString(request.CallId), localTag, from.Tag),
            to.WithTag(localTag), from, contact, routeSet,
            localSequence: 0, remoteSequence: (uint)request.CSeqNumber,
            confirmed ? SipDialogState.Confirmed : SipDialogState.Early);
    }

    /// <summary>
    /// The dialog a UAC's INVITE gets from a 1xx with a To tag or a 2xx (RFC 3261 §12.1.2): <paramref name="localParty"/>
    /// is the INVITE's From (with our tag), <paramref name="localSequence"/> its CSeq number. Null when the response has
    /// no To tag or no Contact (RFC 3261 requires a Contact in a 2xx and in a dialog-creating 1xx).
    /// </summary>
    public static SipDialog? CreateAsUac(SipMessage response, NameAddress localParty, uint localSequence)
    {
        if (localParty.Tag is null || !TryReadParties(response, out _, out var to) || to.Tag is null || !TryReadContact(response, out var contact))
        {
            return null;
        }
        var routeSet = ReadRecordRoute(response, reverse: true);
        bool confirmed = response.StatusCode is >= 200 and < 300;
        return new SipDialog(
            new SipDialogId(System.Text.Encoding.UTF8.GetString(response.CallId), localParty.Tag, to.Tag),
            localParty, to, contact, routeSet, localSequence, remoteSequence: null,
            confirmed ? SipDialogState.Confirmed : SipDialogState.Early);
    }

    /// <summary>
    /// A 2xx for the INVITE that created this early dialog (UAC side): the dialog is confirmed, and its route set and
    /// remote target are taken from the 2xx, which is authoritative (RFC 3261 §12.1.2, §12.2.1.2).
    /// </summary>
    public void ConfirmByResponse(SipMessage response)
    {
        if (State == SipDialogState.Early)
        {
            RouteSet = ReadRecordRoute(response, reverse: true);
        }
        RefreshTarget(response);
        Machine.Fire(this, SipDialogTrigger.Confirm);
    }

    /// <summary>The UAS sent its 2xx: the early dialog is confirmed.</summary>
    public void Confirm() => Machine.Fire(this, SipDialogTrigger.Confirm);

    public void Terminate() => Machine.Fire(this, SipDialogTrigger.Terminate);

    /// <summary>A target refresh (re-INVITE, UPDATE, or their 2xx) replaces the remote target with its Contact.</summary>
    public void RefreshTarget(SipMessage message)
    {
        if (TryReadContact(message, out var contact)) RemoteTarget = contact;
    }

    /// <summary>
    /// Checks a request received in the dialog (RFC 3261 §12.2.2): a CSeq lower than the last one is out of order and
    /// must be answered 500; otherwise it becomes the remote sequence. ACK and CANCEL reuse the CSeq of what they
    /// acknowledge or cancel and are not checked.
    /// </summary>
    public bool AcceptRemoteSequence(SipMessage request)
    {
        if (request.Method is SipMethod.Ack or SipMethod.Cancel) return true;
        uint cseq = (uint)request.CSeqNumber;
        if (RemoteSequence is uint last && cseq < last)
        {
            return false;
        }
        RemoteSequence = cseq;
        return true;
    }

    /// <summary>The CSeq number of the next request we send in the dialog (not ACK or CANCEL, which reuse theirs).</summary>
    public int NextLocalSequence() => (int)++LocalSequence;

    /// <summary>The URI a request in the dialog is sent towards: the first route, or the remote target without one.</summary>
    public SipUri NextHop => RouteSet.Count > 0 ? RouteSet[0].Uri : RemoteTarget;

    /// <summary>
    /// A request in this dialog, routed per RFC 3261 §12.2.1.1: with an empty route set or a loose first route the
    /// Request-URI is the remote target and the route set becomes the Route headers; a strict first route becomes the
    /// Request-URI and the remote target the last Route. From, To and Call-ID are the dialog's; the stack adds Via.
    /// </summary>
    /// <param name="method">The method; ACK and CANCEL reuse the CSeq number of what they acknowledge or cancel.</param>
    /// <param name="cseq">The CSeq number, normally <see cref="NextLocalSequence"/>.</param>
    /// <param name="destination">Where the next hop (<see cref="NextHop"/>) resolved to.</param>
    /// <param name="transport">The transport to it; null for UDP.</param>
    /// <param name="contact">Our Contact (required in target refreshes), or null.</param>
    /// <param name="headers">Further headers after the Route headers, or null.</param>
    /// <param name="body">The body; its Content-Type goes in <paramref name="headers"/>.</param>
    public OutgoingRequest CreateRequest(string method, int cseq, IPEndPoint destination, SipTransportProtocol? transport,
        string? contact = null, IReadOnlyList<SipHeader>? headers = null, ReadOnlyMemory<byte> body = default)
    {
        var all = new List<SipHeader>(RouteSet.Count + 1 + (headers?.Count ?? 0));
        string requestUri;
        if (RouteSet.Count > 0 && !RouteSet[0].Uri.IsLooseRouter)
        {
            requestUri = StrictRequestUri(RouteSet[0].Uri);
            for (int i = 1; i < RouteSet.Count; i++) all.Add(new SipHeader("Route", RouteSet[i].ToString()));
            all.Add(new SipHeader("Route", "<" + RemoteTarget + ">"));
        }
        else
        {
            requestUri = RemoteTarget.ToString();
            foreach (var route in RouteSet) all.Add(new SipHeader("Route", route.ToString()));
        }
        if (headers is not null) all.AddRange(headers);
        return new OutgoingRequest
        {
            Method = method,
            RequestUri = requestUri,
            Destination = destination,
            Transport = transport,
            From = LocalParty.ToString(),
            To = RemoteParty.ToString(),
            CallId = Id.CallId,
            CSeq = cseq,
            Contact = contact,
            Headers = all,
            Body = body,
        };
    }

    /// <summary>§12.2.1.1: a strict router's URI becomes the Request-URI without the parameters a Request-URI may not carry.</summary>
    private static string StrictRequestUri(SipUri route)
    {
        string text = route.ToString();
        int headers = text.IndexOf('?');
        return headers < 0 ? text : text[..headers];
    }

    private static bool TryReadParties(SipMessage message, [NotNullWhen(true)] out NameAddress? from, [NotNullWhen(true)] out NameAddress? to)
    {
        to = null;
        return NameAddress.TryParse(message.GetHeaderValue(SipHeaderName.From), out from)
            & NameAddress.TryParse(message.GetHeaderValue(SipHeaderName.To), out to);
    }

    private static bool TryReadContact(SipMessage message, [NotNullWhen(true)] out SipUri? contact)
    {
        contact = null;
        var contacts = new List<NameAddress>(1);
        if (!message.TryGetHeaderValue(SipHeaderName.Contact, out var value)
            || !ContactHeader.TryParse(value, contacts, out bool wildcard) || wildcard || contacts.Count != 1)
        {
            return false;
        }
        contact = contacts[0].Uri;
        return true;
    }

    private static List<NameAddress> ReadRecordRoute(SipMessage message, bool reverse)
    {
        var routes = new List<NameAddress>();
        foreach (var value in message.GetHeaderValues(SipHeaderName.RecordRoute)) NameAddress.TryParseRouteList(value, routes);
        if (reverse) routes.Reverse();
        return routes;
    }

    private static StateMachine<SipDialogState, SipDialogTrigger, SipDialog> BuildMachine()
    {
        var builder = new StateMachineBuilder<SipDialogState, SipDialogTrigger, SipDialog>(SipDialogState.Early);
        builder.Configure(SipDialogState.Early)
            .Permit(SipDialogTrigger.Confirm, SipDialogState.Confirmed)
            .Permit(SipDialogTrigger.Terminate, SipDialogState.Terminated);
        builder.Configure(SipDialogState.Confirmed)
            // A retransmitted or forked-but-same-dialog 2xx confirms again: nothing changes.
            .Ignore(SipDialogTrigger.Confirm)
            .Permit(SipDialogTrigger.Terminate, SipDialogState.Terminated);
        builder.Configure(SipDialogState.Terminated)
            // Late 2xx or a second BYE after the end change nothing.
            .Ignore(SipDialogTrigger.Confirm)
            .Ignore(SipDialogTrigger.Terminate);
        return builder.Build();
    }

    /// <summary>The dialog state machine as Mermaid, for the docs.</summary>
    public static string ToMermaid() => Machine.ToMermaid();
}
