using System.Net;
using System.Text;
using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// One SIP call leg as the gateway's UA core keeps it (RFC 3261 §13–§15): the INVITE, the dialog it creates, and what
/// RFC 3261 asks of the UA around them — 2xx retransmitted until ACK, every 2xx ACKed, forks after the first 2xx ACKed
/// and ended with BYE, the CANCEL/2xx race ended with ACK and BYE, requests inside the dialog answered (BYE, INFO,
/// OPTIONS, re-INVITE and UPDATE with our current SDP), CSeq order checked. The application drives it (ring, answer,
/// reject, cancel, hang up, send INFO) and hears of it through its <see cref="ISipCallListener"/>.
/// </summary>
/// <remarks>
/// Thread-safe. The state machine (<see cref="SipCallState"/>) and the dialogs change under the call's lock; messages
/// are sent and the listener called outside it.
/// </remarks>
public sealed class SipCall : IStateful<SipCallState>, IClientTransactionUser
{
    private readonly Lock _gate = new();
    private readonly SipUserAgent _agent;
    private readonly IPEndPoint _peer;
    private readonly NameAddress? _localParty;
    private ServerRequest? _invite;
    private Dictionary<string, SipDialog>? _early;
    private string? _ackTag;
    private SentAck _ack;
    private Dictionary<string, SentAck>? _forkAcks;
    private ClientRequest? _client;
    private ISipCallListener? _listener;
    private SipDialog? _dialog;
    private AnswerRetransmission? _answer;
    private ReadOnlyMemory<byte> _localBody;
    private string? _localBodyType;
    private string? _cancelReason;
    private string? _pendingBye;
    private IReadOnlyList<SipHeader>? _pendingByeHeaders;
    private bool _endReported;

    /// <summary>An incoming call: the INVITE and the early dialog answering it will create.</summary>
    internal SipCall(SipUserAgent agent, ServerRequest invite, SipDialog dialog)
    {
        _agent = agent;
        _invite = invite;
        _peer = invite.Source.EndPoint;
        _dialog = dialog;
        Direction = SipCallDirection.Incoming;
        CallId = invite.CallId;
        Transport = invite.Source.Transport;
        State = SipCallState.Offered;
    }

    /// <summary>An outgoing call, before its INVITE is sent (<see cref="Start"/>).</summary>
    internal SipCall(SipUserAgent agent, OutgoingCall call, ISipCallListener listener, NameAddress localParty, string callId)
    {
        _agent = agent;
        _peer = call.Destination;
        _listener = listener;
        _localParty = localParty;
        _localBody = call.Body;
        foreach (SipHeader header in call.Headers)
        {
            if (header.Is("Content-Type") || header.Is("c"))
            {
                _localBodyType = header.Value;
            }
        }

        Direction = SipCallDirection.Outgoing;
        CallId = callId;
        Transport = call.Transport ?? SipTransportProtocol.Udp;
        State = SipCallState.Calling;
    }

    private enum AnswerOutcome
    {
        Retransmission,
        Answered,
        CancelRace,
        ExtraFork,
    }

    /// <inheritdoc/>
    private bool _infoInFlight;
    private Queue<(List<SipHeader> Headers, ReadOnlyMemory<byte> Body)>? _infoQueue;

    public SipCallState State { get; set; }

    /// <summary>Whether we received (incoming) or sent (outgoing) the INVITE.</summary>
    public SipCallDirection Direction { get; }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>The transport the INVITE came or went on; requests in the dialog use it unless the target says otherwise.</summary>
    public SipTransportProtocol Transport { get; }

    /// <summary>
    /// Incoming: the INVITE (its message is readable until its transaction ends); null once the call is confirmed and
    /// its INVITE transaction over. Outgoing: null.
    /// </summary>
    public ServerRequest? Invite => _invite;

    /// <summary>Outgoing: the INVITE as sent; null once the call is confirmed and its INVITE transaction over. Incoming: null.</summary>
    public ClientRequest? Request => _client;

    /// <summary>How the call ended; null while it lasts.</summary>
    public SipCallEnd? End { get; private set; }

    /// <summary>
    /// The dialog: incoming, from the INVITE; outgoing, the one the first 2xx confirmed (null before). Null again once
    /// the call's end has been reported.
    /// </summary>
    public SipDialog? Dialog
    {
        get
        {
            lock (_gate)
            {
                return _dialog;
            }
        }
    }

    /// <summary>The states and transitions of an incoming call, for docs/sip-stack.md.</summary>
    internal static StateMachine<SipCallState, SipCallTrigger, SipCall> IncomingMachine { get; } = BuildIncomingMachine();

    /// <summary>The states and transitions of an outgoing call, for docs/sip-stack.md.</summary>
    internal static StateMachine<SipCallState, SipCallTrigger, SipCall> OutgoingMachine { get; } = BuildOutgoingMachine();

    private StateMachine<SipCallState, SipCallTrigger, SipCall> Machine => Direction == SipCallDirection.Incoming ? IncomingMachine : OutgoingMachine;

    // ---- What the application does.

    /// <summary>Incoming: sends a provisional response (180, 183 with early media...) that creates the early dialog.</summary>
    /// <param name="statusCode">101–199.</param>
    /// <param name="headers">Further headers (Content-Type for a body...), or null; Contact is added.</param>
    /// <param name="body">The body, e.g. SDP for early media.</param>
    /// <returns>False when the call is not waiting for an answer any more.</returns>
    public bool Ring(int statusCode = 180, IReadOnlyList<SipHeader>? headers = null, ReadOnlyMemory<byte> body = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 101);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 199);
        ServerRequest? invite;
        lock (_gate)
        {
            invite = _invite;
            if (invite is null || State is not (SipCallState.Offered or SipCallState.Early))
            {
                return false;
            }

            Machine.Fire(this, SipCallTrigger.Provisional);
        }

        return invite.Respond(statusCode, null, WithContact(headers), body);
    }

    /// <summary>
    /// Incoming: answers 200 with <paramref name="body"/> (our SDP, also used to answer later re-INVITEs and UPDATEs) and
    /// re-sends it until the ACK arrives (<see cref="ISipCallListener.Confirmed"/>) or 64·T1 pass (BYE, <see cref="SipCallEndKind.NoAck"/>).
    /// </summary>
    /// <param name="body">The SDP.</param>
    /// <param name="contentType">Its type.</param>
    /// <param name="headers">Further headers, or null; Contact and Content-Type are added.</param>
    /// <returns>False when the call is not waiting for an answer any more (a CANCEL may have just won the race).</returns>
    public bool Answer(ReadOnlyMemory<byte> body, string contentType = "application/sdp", IReadOnlyList<SipHeader>? headers = null)
    {
        AnswerRetransmission retransmission;
        ServerRequest? invite;
        lock (_gate)
        {
            invite = _invite;
            if (invite is null || State is not (SipCallState.Offered or SipCallState.Early))
            {
                return false;
            }

            Machine.Fire(this, SipCallTrigger.Answer);
            _dialog!.Confirm();
            _localBody = body.ToArray();
            _localBodyType = contentType;
            retransmission = _answer = NewRetransmission(invite);
        }

        if (invite.Respond(200, null, WithContactAndBody(headers, body.IsEmpty ? null : contentType), body))
        {
            return true;
        }

        // The CANCEL's 487 went first: the stack tells us (RequestCancelled) and the call ends as cancelled.
        retransmission.Stop();
        return false;
    }

    /// <summary>Incoming: refuses the call with a final 300–699 response; the call ends (<see cref="SipCallEndKind.Rejected"/>).</summary>
    /// <param name="statusCode">300–699, e.g. 486.</param>
    /// <param name="reason">The Reason header value (RFC 6432), e.g. <c>Q.850;cause=17;text="User busy"</c>, or null.</param>
    /// <param name="headers">Further headers, or null.</param>
    /// <returns>False when the call is not waiting for an answer any more.</returns>
    public bool Reject(int statusCode, string? reason = null, IReadOnlyList<SipHeader>? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        ServerRequest? invite;
        lock (_gate)
        {
            invite = _invite;
            if (invite is null || State is not (SipCallState.Offered or SipCallState.Early))
            {
                return false;
            }
        }

        if (!invite.Respond(statusCode, null, WithReason(headers, reason)))
        {
            return false;
        }

        Finish(new SipCallEnd(SipCallEndKind.Rejected, statusCode, ParseReasons(reason)));
        return true;
    }

    /// <summary>
    /// Outgoing: cancels the INVITE (RFC 3261 §9.1) with <paramref name="reason"/> in the CANCEL (RFC 3326). The call ends
    /// when the INVITE's final response arrives (<see cref="SipCallEndKind.Cancelled"/>); a 2xx crossing the CANCEL is
    /// ACKed and ended with BYE.
    /// </summary>
    /// <param name="reason">e.g. <c>Q.850;cause=16;text="Normal call clearing"</c>, or null.</param>
    /// <returns>False when the INVITE is answered or the call over.</returns>
    public bool Cancel(string? reason = null)
    {
        ClientRequest client;
        lock (_gate)
        {
            if (_client is null || !Machine.CanFire(this, SipCallTrigger.Cancel))
            {
                return false;
            }

            Machine.Fire(this, SipCallTrigger.Cancel);
            _cancelReason = reason;
            client = _client;
        }

        // False when a final response is arriving at this moment: it ends the call as cancelled.
        client.Cancel(reason);
        return true;
    }

    /// <summary>
    /// Ends an answered call with BYE carrying <paramref name="reason"/>. Before the ACK of our 2xx the BYE waits for it
    /// (RFC 3261 §15: the callee must not send BYE before) or for its timeout.
    /// </summary>
    /// <param name="reason">e.g. <c>Q.850;cause=16</c>, or null.</param>
    /// <param name="headers">Further headers for the BYE (User-to-User, RFC 7433), or null.</param>
    /// <returns>False when the call is not answered or already over.</returns>
    public bool Hangup(string? reason = null, IReadOnlyList<SipHeader>? headers = null)
    {
        lock (_gate)
        {
            if (State == SipCallState.Answering)
            {
                if (_pendingBye is null)
                {
                    _pendingBye = reason ?? string.Empty;
                    _pendingByeHeaders = headers;
                }

                return true;
            }

            if (State != SipCallState.Confirmed)
            {
                return false;
            }
        }

        SendBye(reason, headers);
        Finish(new SipCallEnd(SipCallEndKind.LocalHangup, 0, ParseReasons(reason)));
        return true;
    }

    /// <summary>
    /// Sends an INFO in the answered call (RFC 6086), e.g. an <c>application/isup</c> body carrying a USR. A 481 or 408
    /// or no answer at all means the peer has lost the dialog: the call ends with BYE (<see cref="SipCallEndKind.DialogLost"/>).
    /// </summary>
    /// <param name="contentType">The body's type.</param>
    /// <param name="body">The body.</param>
    /// <param name="headers">Further headers (Info-Package, Content-Disposition...), or null.</param>
    /// <returns>False when the call is not answered or already over. While an INFO waits for its final response the next
    /// is queued (its body kept, so it must not change) and sent when that response arrives.</returns>
    public bool SendInfo(string contentType, ReadOnlyMemory<byte> body, IReadOnlyList<SipHeader>? headers = null)
    {
        OutgoingRequest info;
        lock (_gate)
        {
            if (State is not (SipCallState.Confirmed or SipCallState.Answering))
            {
                return false;
            }

            var all = new List<SipHeader>((headers?.Count ?? 0) + 1) { new("Content-Type", contentType) };
            if (headers is not null)
            {
                all.AddRange(headers);
            }

            // RFC 6086: no new INFO in a dialog before the previous one has its final response; a USR burst waits here,
            // in order, instead of drawing 500s from the peer.
            if (_infoInFlight)
            {
                (_infoQueue ??= new Queue<(List<SipHeader>, ReadOnlyMemory<byte>)>()).Enqueue((all, body));
                return true;
            }

            _infoInFlight = true;
            info = NewRequest(_dialog!, "INFO", _dialog!.NextLocalSequence(), all, body);
        }

        _agent.Stack.SendRequest(info, this);
        return true;
    }

    // The INFO in flight has its final response: the next one queued, if any, goes now.
    private void InfoAnswered()
    {
        OutgoingRequest next;
        lock (_gate)
        {
            if (_infoQueue is not { Count: > 0 } || State is not (SipCallState.Confirmed or SipCallState.Answering))
            {
                _infoInFlight = false;
                _infoQueue?.Clear();
                return;
            }

            var (headers, body) = _infoQueue.Dequeue();
            next = NewRequest(_dialog!, "INFO", _dialog!.NextLocalSequence(), headers, body);
        }

        _agent.Stack.SendRequest(next, this);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Direction} call {CallId} ({State})";

    // ---- From the user agent.

    /// <summary>Outgoing: sends the INVITE.</summary>
    internal void Start(OutgoingRequest invite)
    {
        ClientRequest client = _agent.Stack.SendRequest(invite, this);
        lock (_gate)
        {
            _client ??= client;
        }
    }

    /// <summary>Incoming: the application returned its listener; an end that came first is reported now.</summary>
    internal void Attach(ISipCallListener listener)
    {
        lock (_gate)
        {
            _listener ??= listener;
        }

        ReportEnd();
    }

    /// <summary>The caller's CANCEL: the stack answered it 200 and the INVITE 487.</summary>
    internal void Cancelled(IReadOnlyList<ReasonValue> reasons) => Finish(new SipCallEnd(SipCallEndKind.Cancelled, 487, reasons));

    /// <summary>A request inside one of this call's dialogs (matched by Call-ID and tags).</summary>
    internal void ReceiveInDialog(ServerRequest request, SipDialog dialog)
    {
        bool inOrder;
        lock (_gate)
        {
            inOrder = dialog.AcceptRemoteSequence(request.Message);
        }

        if (!inOrder)
        {
            // RFC 3261 §12.2.2: a lower CSeq than the last one is out of order.
            request.Respond(500, "Server Internal Error - CSeq Out of Order");
            return;
        }

        switch (request.Method)
        {
            case "BYE":
                ReceiveBye(request, dialog);
                break;
            case "INFO":
                ISipCallListener? listener = Listener;
                int status = listener is null ? 200 : _agent.Guard(() => listener.InfoReceived(this, request.Message), 500);
                request.Respond(status is >= 200 and <= 699 ? status : 500);
                break;
            case "OPTIONS":
                request.Respond(200, null, _agent.Capabilities);
                break;
            case "INVITE":
                ReceiveReinvite(request, dialog);
                break;
            case "UPDATE":
                ReceiveUpdate(request, dialog);
                break;
            default:
                request.Respond(405, null, _agent.AllowHeader);
                break;
        }
    }

    /// <summary>An ACK for a 2xx of this call's dialog.</summary>
    internal void ReceiveAck(SipMessage ack)
    {
        AnswerRetransmission? stopped = null;
        bool confirmed = false;
        ServerRequest? ended = null;
        string? pendingBye;
        IReadOnlyList<SipHeader>? pendingByeHeaders;
        lock (_gate)
        {
            if (_answer is not null && _answer.CSeq == ack.CSeqNumber)
            {
                stopped = _answer;
                _answer = null;
            }

            if (State == SipCallState.Answering && stopped is not null)
            {
                Machine.Fire(this, SipCallTrigger.Ack);
                confirmed = true;

                // Over UDP the INVITE's transaction ended at the 2xx (the stack keeps its lingering as bytes): with the
                // ACK in, nothing here needs the request any more (see InviteEnded).
                if (_invite is { IsEnded: true })
                {
                    ended = _invite;
                    _invite = null;
                }
            }

            pendingBye = _pendingBye;
            pendingByeHeaders = _pendingByeHeaders;
        }

        stopped?.Stop();
        if (ended is not null)
        {
            ended.Call = null;
        }

        if (!confirmed)
        {
            return;
        }

        if (pendingBye is not null)
        {
            string? reason = pendingBye.Length == 0 ? null : pendingBye;
            SendBye(reason, pendingByeHeaders);
            Finish(new SipCallEnd(SipCallEndKind.LocalHangup, 0, ParseReasons(reason)));
            return;
        }

        ISipCallListener? listener = Listener;
        if (listener is not null)
        {
            _agent.Guard(() => listener.Confirmed(this, ack));
        }
    }

    /// <summary>
    /// Incoming: the INVITE's transaction is over (RFC 6026 Timer L, 32 s after the 2xx; over UDP at the 2xx, the stack
    /// keeping its lingering as bytes, and then the ACK lets go of the request instead). A confirmed call keeps its
    /// dialog and nothing of the INVITE: with thousands of calls held, the request's record (headers, Vias, the 2xx as
    /// sent) was most of a call's memory.
    /// </summary>
    internal void InviteEnded(ServerRequest invite)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(invite, _invite) || State != SipCallState.Confirmed)
            {
                return;
            }

            _invite = null;
        }

        invite.Call = null;
    }

    /// <summary>The user agent is shutting down: the call ends without a word to the peer.</summary>
    internal void Shutdown() => Finish(new SipCallEnd(SipCallEndKind.Shutdown, 0, []));

    // ---- IClientTransactionUser: the INVITE's responses and those of our requests in the dialog.

    /// <inheritdoc/>
    void IClientTransactionUser.ResponseReceived(ClientRequest request, SipMessage response)
    {
        int status = response.StatusCode;

        // The only INVITE a call sends is its first: re-INVITEs are answered, never sent.
        if (request.Method != "INVITE")
        {
            // A request we sent in the dialog: 481 or 408 means the peer lost it (RFC 3261 §12.2.1.2).
            if (request.Method != "BYE" && status is 481 or 408)
            {
                LoseDialog(status);
            }
            else if (request.Method == "INFO" && status >= 200)
            {
                InfoAnswered();
            }

            return;
        }

        lock (_gate)
        {
            // On loopback the first response can beat SendRequest's return in Start: a Cancel() from Progress needs it.
            _client ??= request;
        }

        if (status == 100)
        {
            return;
        }

        string? tag = NameAddress.TryParse(response.GetHeaderValue(SipHeaderName.To), out NameAddress? to) ? to.Tag : null;
        if (status < 200)
        {
            ReceiveProvisional(request, response, tag);
        }
        else if (status < 300)
        {
            if (tag is not null)
            {
                Receive2xx(request, response, tag);
            }
        }
        else
        {
            lock (_gate)
            {
                if (State == SipCallState.Ended)
                {
                    return;
                }
            }

            SipCallEndKind kind = State == SipCallState.Cancelling ? SipCallEndKind.Cancelled : SipCallEndKind.Rejected;
            Finish(new SipCallEnd(kind, status, ReadReasons(response)));
        }
    }

    /// <inheritdoc/>
    void IClientTransactionUser.RequestEnded(ClientRequest request, SipTransactionEnd end)
    {
        if (end == SipTransactionEnd.Completed)
        {
            // Timer M has run out (RFC 6026): a confirmed call has no more use for the INVITE as sent, nor for the ACKs
            // that answered its 2xx, as a 2xx that still straggles in is discarded (§8.9).
            lock (_gate)
            {
                if (request.Method == "INVITE" && ReferenceEquals(request, _client) && State == SipCallState.Confirmed)
                {
                    _client = null;
                    _ackTag = null;
                    _ack = default;
                    _forkAcks = null;
                }
            }

            return;
        }

        if (request.Method != "INVITE")
        {
            if (request.Method != "BYE" && end is SipTransactionEnd.TimedOut or SipTransactionEnd.TransportFailed)
            {
                LoseDialog(408);
            }

            return;
        }

        SipCallEndKind kind = end switch
        {
            SipTransactionEnd.TimedOut => SipCallEndKind.TimedOut,
            SipTransactionEnd.TransportFailed => SipCallEndKind.TransportFailed,
            SipTransactionEnd.CancelUnanswered => SipCallEndKind.CancelUnanswered,
            _ => SipCallEndKind.Shutdown,
        };
        lock (_gate)
        {
            // Answered calls outlive their INVITE transaction.
            if (State is SipCallState.Confirmed or SipCallState.Ended)
            {
                return;
            }
        }

        Finish(new SipCallEnd(kind, 0, []));
    }

    // ---- Internals.

    private ISipCallListener? Listener
    {
        get
        {
            lock (_gate)
            {
                return _listener;
            }
        }
    }

    private void ReceiveProvisional(ClientRequest invite, SipMessage response, string? tag)
    {
        bool report;
        lock (_gate)
        {
            if (tag is not null && State is (SipCallState.Calling or SipCallState.Early or SipCallState.Cancelling) && _early?.ContainsKey(tag) != true)
            {
                SipDialog? early = SipDialog.CreateAsUac(response, _localParty!, (uint)invite.Request.CSeq);
                if (early is not null)
                {
                    (_early ??= new Dictionary<string, SipDialog>(StringComparer.Ordinal)).Add(tag, early);
                    _agent.Register(early, this);
                }
            }

            if (tag is not null && Machine.CanFire(this, SipCallTrigger.Provisional))
            {
                Machine.Fire(this, SipCallTrigger.Provisional);
            }

            report = State is SipCallState.Calling or SipCallState.Early;
        }

        ISipCallListener? listener = Listener;
        if (report && listener is not null)
        {
            _agent.Guard(() => listener.Progress(this, response));
        }
    }

    private void Receive2xx(ClientRequest invite, SipMessage response, string tag)
    {
        AnswerOutcome outcome;
        SentAck resend = default;
        SipDialog? dialog;
        OutgoingRequest? ack = null;
        List<SipDialog>? losers = null;
        string? cancelReason;
        lock (_gate)
        {
            cancelReason = _cancelReason;
            if (TryGetAck(tag, out resend))
            {
                outcome = AnswerOutcome.Retransmission;
                dialog = null;
            }
            else
            {
                dialog = _early?.GetValueOrDefault(tag) ?? SipDialog.CreateAsUac(response, _localParty!, (uint)invite.Request.CSeq);
                if (dialog is null)
                {
                    // No Contact: nowhere to send an ACK or BYE. The peer's retransmissions run out.
                    return;
                }

                _early?.Remove(tag);
                dialog.ConfirmByResponse(response);
                ack = NewRequest(dialog, "ACK", invite.Request.CSeq, null, default);
                if (State is SipCallState.Calling or SipCallState.Early)
                {
                    Machine.Fire(this, SipCallTrigger.Answer);
                    _dialog = dialog;
                    _agent.Register(dialog, this);
                    outcome = AnswerOutcome.Answered;

                    // The other early dialogs will never be confirmed but by a late 2xx, which is handled as a fork.
                    if (_early is not null)
                    {
                        losers = [.. _early.Values];
                        _early = null;
                    }
                }
                else
                {
                    outcome = State == SipCallState.Cancelling ? AnswerOutcome.CancelRace : AnswerOutcome.ExtraFork;
                }
            }
        }

        if (outcome == AnswerOutcome.Retransmission)
        {
            _agent.Stack.SendRaw(resend.Bytes, resend.Destination, resend.Transport);
            return;
        }

        ReadOnlyMemory<byte> bytes = _agent.Stack.SendAck(ack!);
        lock (_gate)
        {
            KeepAck(tag, new SentAck(bytes, ack!.Destination, ack.Transport ?? SipTransportProtocol.Udp));
        }

        if (losers is not null)
        {
            foreach (SipDialog loser in losers)
            {
                loser.Terminate();
                _agent.Forget(loser);
            }
        }

        switch (outcome)
        {
            case AnswerOutcome.Answered:
                ISipCallListener? listener = Listener;
                if (listener is not null)
                {
                    _agent.Guard(() => listener.Answered(this, response));
                }

                break;
            case AnswerOutcome.CancelRace:
                // RFC 3261 §9.1 and the seeds: the 2xx crossed our CANCEL; the call is ACKed, then ended with BYE.
                EndDialog(dialog!, cancelReason);
                Finish(new SipCallEnd(SipCallEndKind.Cancelled, 200, ParseReasons(cancelReason)));
                break;
            default:
                SipUserAgentLog.ForkEnded(_agent.Logger, CallId, tag);
                EndDialog(dialog!, null);
                break;
        }
    }

    /// <summary>A dialog that is not the call's (a fork answered late, or the CANCEL race): BYE, and forget it.</summary>
    private void EndDialog(SipDialog dialog, string? reason)
    {
        SendBye(dialog, reason);
        lock (_gate)
        {
            dialog.Terminate();
        }

        _agent.Forget(dialog);
    }

    private void ReceiveBye(ServerRequest request, SipDialog dialog)
    {
        request.Respond(200);
        bool early;
        ServerRequest? answerInvite;
        lock (_gate)
        {
            early = !ReferenceEquals(dialog, _dialog);
            answerInvite = State is SipCallState.Offered or SipCallState.Early ? _invite : null;
        }

        if (early)
        {
            // One fork's early dialog ends; the INVITE goes on.
            lock (_gate)
            {
                dialog.Terminate();
                _early?.Remove(dialog.Id.RemoteTag);
            }

            _agent.Forget(dialog);
            return;
        }

        // RFC 3261 §15.1.2: a BYE in the early dialog; the INVITE is answered 487.
        answerInvite?.Respond(487);

        Finish(new SipCallEnd(SipCallEndKind.RemoteHangup, 0, ReadReasons(request.Message))
        {
            UserToUser = request.Message.GetHeaderValue("User-to-User"u8) is { IsEmpty: false } uui ? Encoding.UTF8.GetString(uui) : null,
        });
    }

    private void ReceiveReinvite(ServerRequest request, SipDialog dialog)
    {
        AnswerRetransmission? retransmission = null;
        ReadOnlyMemory<byte> body;
        string? type;
        lock (_gate)
        {
            if (State != SipCallState.Confirmed || _answer is not null || !ReferenceEquals(dialog, _dialog))
            {
                // RFC 3261 §14.2: an INVITE while a previous one is still unacknowledged.
                dialog = null!;
            }
            else
            {
                dialog.RefreshTarget(request.Message);
                retransmission = _answer = NewRetransmission(request);
            }

            body = _localBody;
            type = _localBodyType;
        }

        if (retransmission is null)
        {
            request.Respond(500, null, [new("Retry-After", "1")]);
            return;
        }

        // The session stays as it is: whatever the offer, the answer is our current SDP (a re-INVITE without an
        // offer gets it as our offer, and its ACK the peer's answer).
        if (!request.Respond(200, null, WithContactAndBody(null, body.IsEmpty ? null : type), body))
        {
            retransmission.Stop();
        }
    }

    private void ReceiveUpdate(ServerRequest request, SipDialog dialog)
    {
        ReadOnlyMemory<byte> body;
        string? type;
        lock (_gate)
        {
            dialog.RefreshTarget(request.Message);
            body = request.Message.ContentLength > 0 ? _localBody : default;
            type = _localBodyType;
        }

        request.Respond(200, null, WithContactAndBody(null, body.IsEmpty ? null : type), body);
    }

    private void AnswerNotAcknowledged(AnswerRetransmission retransmission)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_answer, retransmission))
            {
                return;
            }

            _answer = null;
        }

        SipUserAgentLog.NoAck(_agent.Logger, CallId, retransmission.CSeq);
        SendBye(null);
        Finish(new SipCallEnd(SipCallEndKind.NoAck, 0, []));
    }

    private void LoseDialog(int status)
    {
        lock (_gate)
        {
            if (State is not (SipCallState.Confirmed or SipCallState.Answering))
            {
                return;
            }
        }

        SendBye(null);
        Finish(new SipCallEnd(SipCallEndKind.DialogLost, status, []));
    }

    private void SendBye(string? reason, IReadOnlyList<SipHeader>? headers = null)
    {
        SipDialog? dialog = Dialog;
        if (dialog is not null)
        {
            SendBye(dialog, reason, headers);
        }
    }

    private void SendBye(SipDialog dialog, string? reason, IReadOnlyList<SipHeader>? headers = null)
    {
        OutgoingRequest bye;
        lock (_gate)
        {
            bye = NewRequest(dialog, "BYE", dialog.NextLocalSequence(), WithReason(headers, reason), default);
        }

        _agent.Stack.SendRequest(bye, this);
    }

    /// <summary>Ends the call once: state, timers, dialog table, then the listener.</summary>
    private void Finish(SipCallEnd end)
    {
        AnswerRetransmission? retransmission;
        ServerRequest? invite;
        List<SipDialog> dialogs;
        lock (_gate)
        {
            if (State == SipCallState.Ended)
            {
                return;
            }

            Machine.Fire(this, SipCallTrigger.End);
            End = end;
            invite = _invite;
            retransmission = _answer;
            _answer = null;
            dialogs = _early is null ? [] : [.. _early.Values];
            _early = null;
            if (_dialog is not null)
            {
                dialogs.Add(_dialog);
            }

            foreach (SipDialog dialog in dialogs)
            {
                dialog.Terminate();
            }
        }

        retransmission?.Stop();
        foreach (SipDialog dialog in dialogs)
        {
            _agent.Forget(dialog);
        }

        _agent.Forget(this);
        if (invite is not null)
        {
            // The INVITE's transaction lingers 32 s after a 2xx (RFC 6026 Timer L) and needs neither us nor the request.
            invite.Call = null;
            invite.ReleaseWhenIdle();
        }

        ReportEnd();
        LetInviteLinger();
    }

    /// <summary>
    /// Outgoing, answered: the INVITE's transaction would keep this call 32 s (Timer M) to ACK retransmissions of the 2xx
    /// and end late forks. Over UDP the stack does that from the ACK as bytes, and the call can go at once. With more than
    /// one fork ACKed (rare) the transaction keeps the call as before.
    /// </summary>
    private void LetInviteLinger()
    {
        ClientRequest? client;
        string? tag;
        SentAck ack;
        lock (_gate)
        {
            (client, tag, ack) = (_client, _ackTag, _ack);
            if (client is null || tag is null || _forkAcks is not null || ack.Transport != SipTransportProtocol.Udp)
            {
                return;
            }
        }

        client.LingerAnswered(tag, ack.Bytes.Span, ack.Destination);
    }

    private void ReportEnd()
    {
        ISipCallListener? listener;
        SipCallEnd? end;
        lock (_gate)
        {
            end = End;
            listener = _listener;
            if (end is null || listener is null || _endReported)
            {
                return;
            }

            _endReported = true;
        }

        _agent.Guard(() => listener.Ended(this, end));

        // The INVITE client transaction keeps this call 32 s after a 2xx (Timer M), for retransmitted 2xx to ACK; the
        // application's side of the call, the dialog and our SDP, and what they hold, must not wait that long.
        lock (_gate)
        {
            _listener = null;
            _dialog = null;
            _localBody = default;
        }
    }

    // The ACK of each 2xx, to send again when the 2xx is (call under the lock). Almost every call has one answer: it
    // gets a field; only further forks take a table.
    private bool TryGetAck(string remoteTag, out SentAck ack)
    {
        if (_ackTag == remoteTag)
        {
            ack = _ack;
            return true;
        }

        ack = default;
        return _forkAcks is not null && _forkAcks.TryGetValue(remoteTag, out ack);
    }

    private void KeepAck(string remoteTag, SentAck ack)
    {
        if (_ackTag is null || _ackTag == remoteTag)
        {
            (_ackTag, _ack) = (remoteTag, ack);
        }
        else
        {
            (_forkAcks ??= new Dictionary<string, SentAck>(StringComparer.Ordinal))[remoteTag] = ack;
        }
    }

    private AnswerRetransmission NewRetransmission(ServerRequest request) =>
        new(request, _agent.Stack.Timers, _agent.Stack.Time, AnswerNotAcknowledged);

    /// <summary>A request in <paramref name="dialog"/>, to its next hop (call under the lock).</summary>
    private OutgoingRequest NewRequest(SipDialog dialog, string method, int cseq, IReadOnlyList<SipHeader>? headers, ReadOnlyMemory<byte> body)
    {
        (IPEndPoint destination, SipTransportProtocol transport) = NextHop(dialog);
        string? contact = method is "ACK" or "BYE" ? null : _agent.ContactFor(transport);
        return dialog.CreateRequest(method, cseq, destination, transport, contact, headers, body);
    }

    /// <summary>
    /// Where a request in the dialog goes: the next hop's address when it is an IP literal (the gateway's trunks are
    /// configured by address; it does no DNS), otherwise where the INVITE came from or went to; the transport the URI
    /// names, otherwise the call's.
    /// </summary>
    private (IPEndPoint Destination, SipTransportProtocol Transport) NextHop(SipDialog dialog) => NextHop(dialog, _peer, Transport);

    /// <summary>As above, for a dialog whose peer and transport are <paramref name="peer"/> and <paramref name="transport"/>.</summary>
    internal static (IPEndPoint Destination, SipTransportProtocol Transport) NextHop(SipDialog dialog, IPEndPoint peer, SipTransportProtocol transport)
    {
        SipUri hop = dialog.NextHop;
        SipTransportProtocol named = hop.Transport switch
        {
            null => transport,
            string t when t.Equals("tcp", StringComparison.OrdinalIgnoreCase) => SipTransportProtocol.Tcp,
            string t when t.Equals("udp", StringComparison.OrdinalIgnoreCase) => SipTransportProtocol.Udp,
            _ => transport,
        };
        if (hop.HostKind is SipUriHostKind.IPv4 or SipUriHostKind.IPv6 && IPAddress.TryParse(hop.Host.AsSpan().Trim("[]"), out IPAddress? address))
        {
            int port = hop.Port ?? 5060;

            // Usually the peer the call has always talked to: its endpoint, not one more kept with each ACK.
            return (port == peer.Port && address.Equals(peer.Address) ? peer : new IPEndPoint(address, port), named);
        }

        return (peer, named);
    }

    private IReadOnlyList<SipHeader> WithContact(IReadOnlyList<SipHeader>? headers) => WithContactAndBody(headers, null);

    private IReadOnlyList<SipHeader> WithContactAndBody(IReadOnlyList<SipHeader>? headers, string? contentType)
    {
        var all = new List<SipHeader>(3 + (headers?.Count ?? 0)) { new("Contact", _agent.ContactFor(Transport)) };
        if (contentType is not null)
        {
            all.Add(new("Content-Type", contentType));
        }

        if (headers is not null)
        {
            all.AddRange(headers);
        }

        return all;
    }

    private static IReadOnlyList<SipHeader>? WithReason(IReadOnlyList<SipHeader>? headers, string? reason)
    {
        if (reason is null)
        {
            return headers;
        }

        var all = new List<SipHeader>(1 + (headers?.Count ?? 0)) { new("Reason", reason) };
        if (headers is not null)
        {
            all.AddRange(headers);
        }

        return all;
    }

    // A call's end outlives the call by its INVITE transaction's 32 s (Timer M), and the interworking ends thousands of
    // calls with the same few Reason texts (one per Q.850 cause): each text is parsed once and its values shared.
    private static readonly BoundedMemo<string, IReadOnlyList<ReasonValue>> KnownReasons = new(1024, StringComparer.Ordinal);

    private static IReadOnlyList<ReasonValue> ParseReasons(string? reason) => reason is null ? [] : KnownReasons.Get(reason, static text =>
    {
        var reasons = new List<ReasonValue>(1);
        return ReasonHeader.TryParseList(Encoding.UTF8.GetBytes(text), reasons) ? reasons.AsReadOnly() : [];
    });

    // An array, not the list that parsed it, which would outlive the call with it (above).
    private static IReadOnlyList<ReasonValue> ReadReasons(SipMessage message)
    {
        List<ReasonValue>? reasons = null;
        foreach (ReadOnlySpan<byte> value in message.GetHeaderValues(SipHeaderName.Reason))
        {
            ReasonHeader.TryParseList(value, reasons ??= []);
        }

        return reasons is null ? [] : reasons.ToArray();
    }

    private static StateMachine<SipCallState, SipCallTrigger, SipCall> BuildIncomingMachine()
    {
        var builder = new StateMachineBuilder<SipCallState, SipCallTrigger, SipCall>(SipCallState.Offered);
        builder.Configure(SipCallState.Offered)
            .Permit(SipCallTrigger.Provisional, SipCallState.Early)
            .Permit(SipCallTrigger.Answer, SipCallState.Answering)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Early)
            .Ignore(SipCallTrigger.Provisional)
            .Permit(SipCallTrigger.Answer, SipCallState.Answering)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Answering)
            .Permit(SipCallTrigger.Ack, SipCallState.Confirmed)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Confirmed)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Ended);
        return builder.Build();
    }

    private static StateMachine<SipCallState, SipCallTrigger, SipCall> BuildOutgoingMachine()
    {
        var builder = new StateMachineBuilder<SipCallState, SipCallTrigger, SipCall>(SipCallState.Calling);
        builder.Configure(SipCallState.Calling)
            .Permit(SipCallTrigger.Provisional, SipCallState.Early)
            .Permit(SipCallTrigger.Answer, SipCallState.Confirmed)
            .Permit(SipCallTrigger.Cancel, SipCallState.Cancelling)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Early)
            .Ignore(SipCallTrigger.Provisional)
            .Permit(SipCallTrigger.Answer, SipCallState.Confirmed)
            .Permit(SipCallTrigger.Cancel, SipCallState.Cancelling)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Cancelling)
            .Ignore(SipCallTrigger.Provisional)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Confirmed)
            .Permit(SipCallTrigger.End, SipCallState.Ended);
        builder.Configure(SipCallState.Ended);
        return builder.Build();
    }

    /// <summary>An ACK we sent for a 2xx, kept to answer that 2xx's retransmissions.</summary>
    private readonly record struct SentAck(ReadOnlyMemory<byte> Bytes, IPEndPoint Destination, SipTransportProtocol Transport);
}
