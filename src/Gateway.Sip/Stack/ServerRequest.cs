using System.Text;

namespace Gateway.Sip;

/// <summary>
/// A request the stack received and created a server transaction for (RFC 3261 §17.2), as the TU sees it: the message,
/// its typed headers, and the means to answer it. Given to <see cref="ISipTransactionUser.RequestReceived"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Ownership.</b> The stack owns <see cref="Message"/> and releases it once nothing needs it: a non-INVITE's when
/// its final response is sent, an INVITE's when its call ends (<see cref="ReleaseWhenIdle"/>) or its transaction ends
/// (<see cref="ISipTransactionUser.RequestEnded"/>). Until then the TU may read it from any thread; and always during
/// a callback about the request, even if a response sent from that callback ends the transaction at once. The TU never
/// disposes it; copy what you keep beyond the transaction.
/// </para>
/// <para>
/// <b>Responses</b> are built from the request (RFC 3261 §8.2.6): Via headers (the top one with the <c>received</c> and
/// <c>rport</c> values the stack stamped, RFC 3581), From, Call-ID and CSeq copied, To copied with our tag added when the
/// request had none (a 100 gets no tag). All responses to one request carry the same tag, <see cref="LocalTag"/>, unless
/// the TU gives another. They go where RFC 3261 §18.2.2 says: back on the request's connection, or over UDP to the
/// source address and the rport or sent-by port.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ServerRequest
{
    private readonly Lock _gate = new();
    private readonly SipStack _stack;
    private readonly string? _toTag;
    private RequestHeaders? _headers;
    private byte[]? _responseVia;
    private readonly InviteServerTransaction<SipMessage>? _invite;
    private readonly NonInviteServerTransaction? _nonInvite;
    private SipMessage? _message;
    private List<SipMessage>? _pendingAcks;
    private string? _localTag;
    private byte[]? _finalResponse;
    private int _finalStatusCode;
    private bool _finalAccepted;
    private IReadOnlyList<ReasonValue>? _cancelReasons;
    private int _callbacks;
    private bool _ended;
    private bool _done;
    private bool _timedOut;
    private bool _transportFailed;
    private bool _abandoned;

    internal ServerRequest(SipStack stack, SipMessage message, RequestHeaders headers, SipPeer source, ViaStamp stamp, TransactionKey key, bool internalOnly)
    {
        _stack = stack;
        _message = message;
        _headers = headers;
        _toTag = headers.To.Tag;
        Method = headers.Method;
        CallId = headers.CallId;
        CSeq = headers.CSeq;
        Source = source;
        Stamp = stamp;
        Key = key;
        IsInternal = internalOnly;
        Destination = SipDestination.ForResponses(source, headers.TopVia, stamp);
        byte[] responseVia = stamp.Apply(message.GetHeaderValue(SipHeaderName.Via));
        _responseVia = responseVia;
        var sink = new ServerRequestSink(this);
        if (message.Method == SipMethod.Invite)
        {
            byte[] trying = ResponseBuilder.Build(message, responseVia, 100, SipReasonPhrases.Get(100), null, null, []);
            _invite = new InviteServerTransaction<SipMessage>(trying, sink, stack.Timers, source.IsReliable, stack.Time);
        }
        else
        {
            _nonInvite = new NonInviteServerTransaction(sink, stack.Timers, source.IsReliable, stack.Time);
        }
    }

    // The parsed headers go with the message: a transaction lingers 32 s after its final response to absorb
    // retransmissions, and under load what it kept for nobody was most of the heap the collector had to copy.
    private RequestHeaders Headers => _headers ?? throw Released();

    /// <summary>The request; readable until the transaction ends (see the remarks). Throws <see cref="ObjectDisposedException"/> after.</summary>
    public SipMessage Message => _message ?? throw new ObjectDisposedException(nameof(ServerRequest), "The request's transaction has ended; its message was released.");

    /// <summary>The method token, e.g. <c>INVITE</c>.</summary>
    public string Method { get; }

    /// <summary>Whether this is an INVITE (with an INVITE server transaction: 100 Trying, CANCEL, ACK).</summary>
    public bool IsInvite => _invite is not null;

    /// <summary>The Request-URI as received; readable while <see cref="Message"/> is.</summary>
    public string RequestUri => Headers.RequestUri;

    /// <summary>The top Via as received (before stamping); readable while <see cref="Message"/> is.</summary>
    public ViaHeader TopVia => Headers.TopVia;

    /// <summary>The From header; readable while <see cref="Message"/> is.</summary>
    public NameAddress From => Headers.From;

    /// <summary>The To header as received (a tag means the request is inside a dialog); readable while <see cref="Message"/> is.</summary>
    public NameAddress To => Headers.To;

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>The CSeq number.</summary>
    public int CSeq { get; }

    /// <summary>Where the request came from.</summary>
    public SipPeer Source { get; }

    /// <summary>The <c>received</c> parameter the stack stamped into the top Via, or null (RFC 3261 §18.2.1).</summary>
    public string? Received => Stamp.Received;

    /// <summary>The <c>rport</c> value the stack stamped into the top Via, or null (RFC 3581).</summary>
    public int? Rport => Stamp.Rport;

    /// <summary>
    /// The first Via header value as responses carry it: the top via-parm with <c>received</c> and <c>rport</c> stamped;
    /// readable while <see cref="Message"/> is.
    /// </summary>
    public string ResponseVia => Encoding.UTF8.GetString(_responseVia ?? throw Released());

    /// <summary>
    /// The To tag of our responses: the request's own when it has one (inside a dialog), otherwise one the stack
    /// generated for this request — or the last one the TU gave to <see cref="Respond"/>. It identifies the dialog.
    /// </summary>
    public string LocalTag
    {
        get
        {
            lock (_gate)
            {
                return _toTag ?? (_localTag ??= SipIdentifiers.NewTag());
            }
        }
    }

    /// <summary>The status code of the final response sent (by the TU or, 487 after a CANCEL, by the stack); 0 before.</summary>
    public int FinalStatusCode => Volatile.Read(ref _finalStatusCode);

    /// <summary>The final response as sent, or empty; the TU retransmits a 2xx with <see cref="RetransmitFinalResponse"/>.</summary>
    public ReadOnlyMemory<byte> FinalResponse
    {
        get
        {
            lock (_gate)
            {
                return _finalResponse;
            }
        }
    }

    /// <summary>Whether a CANCEL terminated this INVITE (the stack answered it 487).</summary>
    public bool IsCancelled => Volatile.Read(ref _cancelReasons) is not null;

    /// <summary>The Reason values of the CANCEL that terminated this INVITE; empty if none or not cancelled.</summary>
    public IReadOnlyList<ReasonValue> CancelReasons => Volatile.Read(ref _cancelReasons) ?? [];

    /// <summary>Whether the transaction has ended (the message is then released).</summary>
    public bool IsEnded
    {
        get
        {
            lock (_gate)
            {
                return _ended;
            }
        }
    }

    /// <summary>The user agent's call this request belongs to (an INVITE or a request inside a dialog), or null.</summary>
    internal SipCall? Call { get; set; }

    /// <summary>The transaction's table key.</summary>
    internal TransactionKey Key { get; }

    /// <summary>The stamp computed when the request arrived.</summary>
    internal ViaStamp Stamp { get; }

    /// <summary>Where responses go.</summary>
    internal SipDestination Destination { get; }

    /// <summary>A CANCEL's own transaction: the stack answers it and the TU never hears of it.</summary>
    internal bool IsInternal { get; }

    internal SipTransaction Transaction => (SipTransaction?)_invite ?? _nonInvite!;

    /// <summary>
    /// Sends a response built from the request. A 1xx may be sent repeatedly; one final response is accepted (RFC 3261
    /// §17.2), except that for an INVITE further 2xx are sent as the TU's retransmissions (§13.3.1.4).
    /// </summary>
    /// <param name="statusCode">100–699.</param>
    /// <param name="reasonPhrase">The reason phrase; null for the standard one.</param>
    /// <param name="headers">Headers to add (Contact, Record-Route, Content-Type, Require, Reason...); null for none.</param>
    /// <param name="body">The body; empty for none. Content-Length is written by the stack.</param>
    /// <param name="toTag">
    /// The To tag to use (when the request had none), which becomes <see cref="LocalTag"/>; null for <see cref="LocalTag"/>.
    /// </param>
    /// <returns>False when the transaction refused the response (a second final, or it has ended).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not 100–699.</exception>
    /// <exception cref="ArgumentException">A header or the reason phrase cannot be written.</exception>
    public bool Respond(int statusCode, string? reasonPhrase = null, IReadOnlyList<SipHeader>? headers = null, ReadOnlyMemory<byte> body = default, string? toTag = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        byte[] response;
        lock (_gate)
        {
            if (_message is null || _ended)
            {
                return false;
            }

            response = ResponseBuilder.Build(_message, _responseVia!, statusCode, reasonPhrase ?? SipReasonPhrases.Get(statusCode), TagFor(statusCode, toTag), headers, body.Span);
        }

        return Send(statusCode, response);
    }

    /// <summary>
    /// Re-sends the 2xx final response (the TU retransmits its 2xx to INVITE until the ACK, RFC 3261 §13.3.1.4): through
    /// the transaction while it is in Accepted, directly to <see cref="Source"/>'s response address after it ended.
    /// </summary>
    /// <returns>False when there is no 2xx to retransmit (non-2xx finals are retransmitted by the transaction itself).</returns>
    public bool RetransmitFinalResponse()
    {
        byte[]? final;
        int status;
        lock (_gate)
        {
            final = _finalResponse;
            status = _finalStatusCode;
        }

        if (final is null || status is < 200 or > 299)
        {
            return false;
        }

        if (_invite is null || !_invite.SendResponse(status, final))
        {
            SendToSource(final);
        }

        return true;
    }

    /// <summary>
    /// Sends any bytes to where this request's responses go (RFC 3261 §18.2.2), outside the transaction: for the
    /// dialog layer's own retransmissions. Failures are not reported.
    /// </summary>
    /// <param name="message">A whole serialised message; it must not change until sent.</param>
    public void SendToSource(ReadOnlyMemory<byte> message) => _stack.Transports.Send(Destination, message, null);

    /// <summary>Ends the transaction at once, sending nothing more (for example when the TU shuts down).</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _abandoned = true;
        }

        Transaction.Abandon();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {RequestUri} from {Source} (Call-ID {CallId}, CSeq {CSeq})";

    /// <summary>A retransmission of the request arrived.</summary>
    internal void ReceiveRetransmission()
    {
        if (_invite is not null)
        {
            _invite.ReceiveRetransmission();
        }
        else
        {
            _nonInvite!.ReceiveRetransmission();
        }
    }

    /// <summary>
    /// An ACK matched this INVITE's transaction. In Accepted the transaction passes it up (RFC 6026) and the sink
    /// releases it after the TU's callback; otherwise it is absorbed (the ACK of our 300–699) and released here.
    /// </summary>
    internal void ReceiveAck(SipMessage ack)
    {
        bool passedUp;
        lock (_gate)
        {
            passedUp = !_ended && _invite!.State == InviteServerState.Accepted;
            if (passedUp)
            {
                (_pendingAcks ??= []).Add(ack);
            }
        }

        _invite!.ReceiveAck(ack);
        if (!passedUp)
        {
            _stack.Release(ack);
        }
    }

    /// <summary>Whether an ACK with this To tag can acknowledge our response (RFC 2543 matching, §17.2.3).</summary>
    internal bool AcknowledgesOurResponse(string? ackToTag)
    {
        lock (_gate)
        {
            return string.Equals(_toTag ?? _localTag, ackToTag, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The CANCEL procedure for this INVITE (RFC 3261 §9.2): if no final response has been sent, answer 487 and record
    /// the reasons. False when the final response was already out (then the CANCEL has no effect) or this is no INVITE.
    /// </summary>
    internal bool TryCancel(IReadOnlyList<ReasonValue> reasons)
    {
        if (_invite is null || _invite.State != InviteServerState.Proceeding)
        {
            return false;
        }

        byte[] response;
        lock (_gate)
        {
            if (_message is null)
            {
                return false;
            }

            response = ResponseBuilder.Build(_message, _responseVia!, 487, SipReasonPhrases.Get(487), TagFor(487, null), null, []);
        }

        // The TU may be sending its own final response at this instant: the transaction accepts one of the two.
        if (!Send(487, response))
        {
            return false;
        }

        Volatile.Write(ref _cancelReasons, reasons);
        return true;
    }

    /// <summary>Answers with a response the stack builds (the CANCEL's 200 or 481).</summary>
    internal void RespondInternally(int statusCode, string toTag)
    {
        byte[] response;
        lock (_gate)
        {
            if (_message is null)
            {
                return;
            }

            response = ResponseBuilder.Build(_message, _responseVia!, statusCode, SipReasonPhrases.Get(statusCode), _toTag is null ? toTag : null, null, []);
        }

        Send(statusCode, response);
    }

    /// <summary>Releases the message early (a CANCEL, once answered: its transaction only ever re-sends the bytes).</summary>
    internal void ReleaseMessage()
    {
        SipMessage? message;
        lock (_gate)
        {
            message = TakeMessage();
        }

        if (message is not null)
        {
            _stack.Release(message);
        }
    }

    /// <summary>
    /// Nothing will read the message again (a non-INVITE answered, or the INVITE's call over): release it now, or when
    /// the TU callback still running returns. A transaction lingers 32 s after its final response (Timers J and L) to
    /// absorb retransmissions, and under load the messages it kept for nobody were most of the heap.
    /// </summary>
    internal void ReleaseWhenIdle()
    {
        SipMessage? release = null;
        lock (_gate)
        {
            _done = true;
            if (_callbacks == 0)
            {
                release = TakeMessage();
            }
        }

        if (release is not null)
        {
            _stack.Release(release);
        }
    }

    /// <summary>A TU callback about this request starts: the message stays readable until <see cref="EndCallback"/>.</summary>
    internal void BeginCallback()
    {
        lock (_gate)
        {
            _callbacks++;
        }
    }

    /// <summary>The callback returned: if the transaction ended meanwhile, the message it kept is released now.</summary>
    internal void EndCallback()
    {
        SipMessage? release = null;
        lock (_gate)
        {
            if (--_callbacks == 0 && (_ended || _done))
            {
                release = TakeMessage();
            }
        }

        if (release is not null)
        {
            _stack.Release(release);
        }
    }

    // ---- Sink callbacks (ServerRequestSink).

    internal void OnSend(ReadOnlyMemory<byte> message) => _stack.Transports.Send(Destination, message, Transaction);

    internal void OnAckReceived(SipMessage ack)
    {
        _stack.NotifyAck(ack, Source, this);
        bool release;
        lock (_gate)
        {
            release = _pendingAcks?.Remove(ack) == true;
        }

        if (release)
        {
            _stack.Release(ack);
        }
    }

    internal void OnTimedOut()
    {
        lock (_gate)
        {
            _timedOut = true;
        }
    }

    internal void OnTransportFailed()
    {
        lock (_gate)
        {
            _transportFailed = true;
        }
    }

    internal void OnTerminated()
    {
        _stack.Remove(this);
        SipMessage? message;
        List<SipMessage>? pending;
        SipTransactionEnd end;
        lock (_gate)
        {
            _ended = true;

            // A TU callback about this request is still running: it may read the message; EndCallback releases it.
            message = _callbacks == 0 ? TakeMessage() : null;

            pending = _pendingAcks;
            _pendingAcks = null;
            end = _transportFailed ? SipTransactionEnd.TransportFailed
                : _timedOut ? SipTransactionEnd.TimedOut
                : _abandoned && _finalStatusCode == 0 ? SipTransactionEnd.Abandoned
                : SipTransactionEnd.Completed;
        }

        // ACKs a race left undelivered (the transaction ended between our look at its state and the ACK reaching it).
        if (pending is not null)
        {
            foreach (SipMessage ack in pending)
            {
                _stack.Release(ack);
            }
        }

        if (!IsInternal)
        {
            _stack.NotifyEnded(this, end);
        }

        if (message is not null)
        {
            _stack.Release(message);
        }
    }

    /// <summary>
    /// Hands a response to the transaction. A final response is recorded before it can reach the wire, so that whoever
    /// sees it there (a peer's ACK, a test advancing virtual time) finds <see cref="FinalResponse"/> set; the record is
    /// undone if the transaction refuses it (another final won), and a final accepted while a refused one was still
    /// recorded takes its place.
    /// </summary>
    private bool Send(int statusCode, byte[] response)
    {
        bool recorded = false;
        if (statusCode >= 200)
        {
            lock (_gate)
            {
                if (_finalResponse is null)
                {
                    _finalResponse = response;
                    Volatile.Write(ref _finalStatusCode, statusCode);
                    recorded = true;
                }
            }
        }

        bool accepted = _invite?.SendResponse(statusCode, response) ?? _nonInvite!.SendResponse(statusCode, response);
        if (statusCode >= 200)
        {
            lock (_gate)
            {
                if (accepted && (recorded || !_finalAccepted))
                {
                    _finalResponse = response;
                    Volatile.Write(ref _finalStatusCode, statusCode);
                    _finalAccepted = true;
                }
                else if (!accepted && recorded && !_finalAccepted && ReferenceEquals(_finalResponse, response))
                {
                    _finalResponse = null;
                    Volatile.Write(ref _finalStatusCode, 0);
                }
            }

            // A non-INVITE's transaction re-sends these bytes from now on; the request itself is read by no one.
            if (accepted && _nonInvite is not null)
            {
                ReleaseWhenIdle();
            }

            // Over UDP the stack keeps what a lingering transaction needs as bytes, and the transaction ends
            // (LingeringTransactions).
            if (accepted && !Source.IsReliable && Destination.EndPoint is not null && LingeringTransactions.CanKeep(Key))
            {
                if (_nonInvite is { State: NonInviteServerState.Completed })
                {
                    _stack.Linger(this, response, Destination.EndPoint);
                    _nonInvite.Abandon();
                }
                else if (_invite is { State: InviteServerState.Accepted })
                {
                    _stack.Linger(this, Encoding.UTF8.GetBytes(LocalTag), null);
                    _invite.Abandon();
                }
            }
        }

        return accepted;
    }

    private static ObjectDisposedException Released() =>
        new(nameof(ServerRequest), "The request's message was released; only its method, Call-ID and CSeq remain.");

    /// <summary>
    /// Lets go of the message and what was made from it for answering: with the final response out, the transaction
    /// lingers 32 s (Timers J and L) and only re-sends bytes it already has. Called under the lock.
    /// </summary>
    private SipMessage? TakeMessage()
    {
        SipMessage? message = _message;
        _message = null;
        _headers = null;
        _responseVia = null;
        return message;
    }

    private string? TagFor(int statusCode, string? toTag)
    {
        // Inside a dialog the To already carries the tag; a 100 is hop-by-hop and needs none (§8.2.6.2).
        if (_toTag is not null || statusCode == 100)
        {
            return null;
        }

        if (toTag is not null)
        {
            _localTag = toTag;
        }

        return _localTag ??= SipIdentifiers.NewTag();
    }
}
