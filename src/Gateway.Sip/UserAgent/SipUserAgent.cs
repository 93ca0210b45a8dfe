using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip;

/// <summary>
/// The UA core (RFC 3261 §8.2, §12–§15) over a <see cref="SipStack"/>: it keeps the calls and their dialogs, offers new
/// INVITEs to the application as <see cref="SipCall"/>s, sends its INVITEs, routes every request inside a dialog to its
/// call, answers what needs no application (OPTIONS, requests for unknown dialogs, methods we do not do), and ACKs 2xx.
/// </summary>
/// <remarks>
/// What it answers by itself: out-of-dialog OPTIONS 200 with Allow, Accept and Supported (a keep-alive); a request with
/// a To tag matching no dialog 481; an out-of-dialog BYE, INFO or UPDATE 481; a method not in
/// <see cref="SipUserAgentOptions.Allow"/> 405; a Require naming an extension we lack 420 with Unsupported; an INVITE
/// without the From tag or Contact a dialog needs 400. Thread-safe.
/// </remarks>
public sealed class SipUserAgent : ISipTransactionUser, IClientTransactionUser, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SipDialogId, (SipCall Call, SipDialog Dialog)> _dialogs = [];
    private readonly HashSet<SipCall> _calls = [];
    private readonly SipUserAgentOptions _options;
    private readonly ISipUserAgentUser _user;
    private string _udpContact = string.Empty;
    private string _tcpContact = string.Empty;

    /// <summary>Creates the user agent and its stack; <see cref="Start"/> opens the sockets.</summary>
    /// <param name="stackOptions">The stack's addresses, timers and limits.</param>
    /// <param name="options">What we say about ourselves.</param>
    /// <param name="user">Where incoming calls go.</param>
    /// <param name="logger">For the stack's and the user agent's lines; null for none.</param>
    /// <param name="timeProvider">The clock of every timer; null for the system's.</param>
    public SipUserAgent(SipStackOptions stackOptions, SipUserAgentOptions options, ISipUserAgentUser user, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(user);
        _options = options;
        _user = user;
        Logger = logger ?? NullLogger.Instance;
        Stack = new SipStack(stackOptions, this, Logger, timeProvider);
        AllowHeader = [new("Allow", string.Join(", ", options.Allow))];
        var capabilities = new List<SipHeader>(3) { AllowHeader[0], new("Accept", string.Join(", ", options.Accept)) };
        if (options.Supported.Count > 0)
        {
            capabilities.Add(new("Supported", string.Join(", ", options.Supported)));
        }

        Capabilities = capabilities;
    }

    /// <summary>The stack underneath (its counters, addresses, transactions).</summary>
    public SipStack Stack { get; }

    /// <summary>Calls not yet ended.</summary>
    public int CallCount
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>Dialogs (early or confirmed) of calls not yet ended.</summary>
    public int DialogCount
    {
        get
        {
            lock (_gate)
            {
                return _dialogs.Count;
            }
        }
    }

    internal ILogger Logger { get; }

    /// <summary>Allow, Accept and Supported: what an OPTIONS is answered with.</summary>
    internal IReadOnlyList<SipHeader> Capabilities { get; }

    /// <summary>The Allow header of a 405.</summary>
    internal IReadOnlyList<SipHeader> AllowHeader { get; }

    /// <summary>Opens the sockets and starts receiving.</summary>
    public void Start()
    {
        Stack.Start();
        string host = Stack.SentByHost;
        int udpPort = (Stack.UdpEndPoint ?? Stack.TcpEndPoint)!.Port;
        int tcpPort = (Stack.TcpEndPoint ?? Stack.UdpEndPoint)!.Port;
        _udpContact = $"<{_options.Contact ?? $"sip:gw@{host}:{udpPort}"}>";
        _tcpContact = $"<{_options.Contact ?? $"sip:gw@{host}:{tcpPort}"};transport=tcp>";
    }

    /// <summary>Sends an INVITE; its progress and end reach <paramref name="listener"/>.</summary>
    /// <param name="call">What to send.</param>
    /// <param name="listener">Hears of the call.</param>
    /// <returns>The call, to cancel it, hang it up or send INFO in it.</returns>
    public SipCall Call(OutgoingCall call, ISipCallListener listener)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(listener);
        if (!NameAddress.TryParse(Encoding.UTF8.GetBytes(call.From), out NameAddress? from))
        {
            throw new ArgumentException($"'{call.From}' is not a name-addr.", nameof(call));
        }

        NameAddress localParty = from.WithTag(SipIdentifiers.NewTag());
        string callId = call.CallId ?? SipIdentifiers.NewTag() + SipIdentifiers.NewTag() + "@" + Stack.SentByHost;
        var sipCall = new SipCall(this, call, listener, localParty, callId);
        SipTransportProtocol transport = call.Transport ?? SipTransportProtocol.Udp;
        var invite = new OutgoingRequest
        {
            Method = "INVITE",
            RequestUri = call.RequestUri,
            Destination = call.Destination,
            Transport = call.Transport,
            From = localParty.ToString(),
            To = call.To,
            CallId = callId,
            CSeq = 1,
            Contact = ContactFor(transport),
            Headers = call.Headers,
            Body = call.Body,
        };
        lock (_gate)
        {
            _calls.Add(sipCall);
        }

        try
        {
            sipCall.Start(invite);
        }
        catch
        {
            Forget(sipCall);
            throw;
        }

        return sipCall;
    }

    /// <summary>Ends every call without a word to the peers, then closes the stack.</summary>
    public async ValueTask DisposeAsync()
    {
        SipCall[] calls;
        lock (_gate)
        {
            calls = [.. _calls];
        }

        foreach (SipCall call in calls)
        {
            call.Shutdown();
        }

        await Stack.DisposeAsync();
    }

    // ---- ISipTransactionUser.

    /// <inheritdoc/>
    void ISipTransactionUser.RequestReceived(ServerRequest request)
    {
        if (RefuseUnsupported(request))
        {
            return;
        }

        if (request.To.Tag is string localTag)
        {
            (SipCall Call, SipDialog Dialog) entry;
            bool found;
            lock (_gate)
            {
                found = _dialogs.TryGetValue(new SipDialogId(request.CallId, localTag, request.From.Tag ?? string.Empty), out entry);
            }

            if (!found)
            {
                request.Respond(481);
                return;
            }

            if (request.IsInvite)
            {
                request.Call = entry.Call;   // for its CANCEL and ACK; other requests are done with once answered
            }

            entry.Call.ReceiveInDialog(request, entry.Dialog);
            return;
        }

        switch (request.Method)
        {
            case "INVITE":
                Offer(request);
                break;
            case "OPTIONS":
                request.Respond(200, null, Capabilities);
                break;
            case "BYE" or "INFO" or "UPDATE" or "PRACK":
                request.Respond(481);
                break;
            default:
                request.Respond(405, null, AllowHeader);
                break;
        }
    }

    /// <inheritdoc/>
    void ISipTransactionUser.RequestCancelled(ServerRequest request, IReadOnlyList<ReasonValue> reasons) => request.Call?.Cancelled(reasons);

    /// <inheritdoc/>
    void ISipTransactionUser.AckReceived(SipMessage ack, SipPeer source, ServerRequest? invite)
    {
        SipCall? call = invite?.Call;
        if (call is null
            && NameAddress.TryParse(ack.GetHeaderValue(SipHeaderName.To), out NameAddress? to) && to.Tag is not null
            && NameAddress.TryParse(ack.GetHeaderValue(SipHeaderName.From), out NameAddress? from))
        {
            lock (_gate)
            {
                if (_dialogs.TryGetValue(new SipDialogId(Encoding.UTF8.GetString(ack.CallId), to.Tag, from.Tag ?? string.Empty), out var entry))
                {
                    call = entry.Call;
                }
            }
        }

        call?.ReceiveAck(ack);
    }

    /// <inheritdoc/>
    void ISipTransactionUser.LateAnswerReceived(SipMessage response, SipPeer source)
    {
        // The call is gone, not the duty (RFC 3261 §13.2.2.4): the fork's dialog is made from its 2xx, ACKed and ended.
        if (!NameAddress.TryParse(response.GetHeaderValue(SipHeaderName.From), out NameAddress? from)
            || SipDialog.CreateAsUac(response, from, (uint)response.CSeqNumber) is not SipDialog dialog)
        {
            return;
        }

        dialog.ConfirmByResponse(response);
        (System.Net.IPEndPoint destination, SipTransportProtocol transport) = SipCall.NextHop(dialog, source.EndPoint, SipTransportProtocol.Udp);
        Stack.SendAck(dialog.CreateRequest("ACK", response.CSeqNumber, destination, transport));
        Stack.SendRequest(dialog.CreateRequest("BYE", dialog.NextLocalSequence(), destination, transport), this);
        SipUserAgentLog.ForkEnded(Logger, dialog.Id.CallId, dialog.Id.RemoteTag);
    }

    // The BYE of such a fork has no call to report to: whatever the answer, that dialog is over.
    void IClientTransactionUser.ResponseReceived(ClientRequest request, SipMessage response)
    {
    }

    void IClientTransactionUser.RequestEnded(ClientRequest request, SipTransactionEnd end)
    {
    }

    /// <inheritdoc/>
    void ISipTransactionUser.RequestEnded(ServerRequest request, SipTransactionEnd end)
    {
        if (request.IsInvite && request.Call is SipCall call)
        {
            if (request.FinalStatusCode == 0)
            {
                // An INVITE the application never answered, cut short (the stack shutting down): the call is over.
                call.Shutdown();
            }
            else
            {
                call.InviteEnded(request);
            }
        }
    }

    // ---- For the calls.

    /// <summary>Our Contact value for requests and responses over <paramref name="transport"/>.</summary>
    internal string ContactFor(SipTransportProtocol transport) => transport == SipTransportProtocol.Udp ? _udpContact : _tcpContact;

    internal void Register(SipDialog dialog, SipCall call)
    {
        lock (_gate)
        {
            _dialogs[dialog.Id] = (call, dialog);
        }
    }

    internal void Forget(SipDialog dialog)
    {
        lock (_gate)
        {
            if (_dialogs.TryGetValue(dialog.Id, out var entry) && ReferenceEquals(entry.Dialog, dialog))
            {
                _dialogs.Remove(dialog.Id);
            }
        }
    }

    internal void Forget(SipCall call)
    {
        lock (_gate)
        {
            _calls.Remove(call);
        }
    }

    /// <summary>Calls the application; what it throws is logged, never seen by a peer.</summary>
    internal void Guard(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception e)
        {
            SipUserAgentLog.ListenerError(Logger, callback.Method.Name, e);
        }
    }

    /// <summary>As <see cref="Guard(Action)"/>, for a callback that answers: <paramref name="fallback"/> if it throws.</summary>
    internal int Guard(Func<int> callback, int fallback)
    {
        try
        {
            return callback();
        }
        catch (Exception e)
        {
            SipUserAgentLog.ListenerError(Logger, callback.Method.Name, e);
            return fallback;
        }
    }

    private void Offer(ServerRequest request)
    {
        SipDialog? dialog = SipDialog.CreateAsUas(request.Message, request.LocalTag, confirmed: false);
        if (dialog is null)
        {
            request.Respond(400, request.From.Tag is null ? "Bad Request - Missing From tag" : "Bad Request - Missing or invalid Contact");
            return;
        }

        var call = new SipCall(this, request, dialog);
        request.Call = call;
        lock (_gate)
        {
            _calls.Add(call);
            _dialogs[dialog.Id] = (call, dialog);
        }

        ISipCallListener listener;
        try
        {
            listener = _user.IncomingCall(call);
        }
        catch (Exception e)
        {
            SipUserAgentLog.ListenerError(Logger, nameof(ISipUserAgentUser.IncomingCall), e);
            call.Reject(500);
            call.Attach(NoListener.Instance);
            return;
        }

        call.Attach(listener);
    }

    /// <summary>RFC 3261 §8.2.2.3: a Require naming an option we do not support gets 420 listing it.</summary>
    private bool RefuseUnsupported(ServerRequest request)
    {
        // Most requests carry no Require: nothing is allocated for them.
        if (!request.Message.Contains(SipHeaderName.Require))
        {
            return false;
        }

        List<string>? unsupported = null;
        var tags = new List<string>();
        foreach (ReadOnlySpan<byte> value in request.Message.GetHeaderValues(SipHeaderName.Require))
        {
            tags.Clear();
            OptionTagsHeader.TryParseList(value, tags);
            foreach (string tag in tags)
            {
                if (!_options.Supported.Contains(tag, StringComparer.OrdinalIgnoreCase))
                {
                    (unsupported ??= []).Add(tag);
                }
            }
        }

        if (unsupported is null)
        {
            return false;
        }

        request.Respond(420, null, [new("Unsupported", string.Join(", ", unsupported))]);
        return true;
    }

    /// <summary>The listener of a call the application failed to take: it hears nothing.</summary>
    private sealed class NoListener : ISipCallListener
    {
        public static readonly NoListener Instance = new();

        public void Progress(SipCall call, SipMessage response)
        {
        }

        public void Answered(SipCall call, SipMessage response)
        {
        }

        public void Confirmed(SipCall call, SipMessage ack)
        {
        }

        public int InfoReceived(SipCall call, SipMessage info) => 200;

        public void Ended(SipCall call, SipCallEnd end)
        {
        }
    }
}
