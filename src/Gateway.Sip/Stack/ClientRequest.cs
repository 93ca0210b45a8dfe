using System.Net;
using System.Text;

namespace Gateway.Sip;

/// <summary>
/// A request the TU sent through <see cref="SipStack.SendRequest"/>, with its client transaction (RFC 3261 §17.1):
/// what was sent, what has come back, and <see cref="Cancel"/> for an INVITE.
/// </summary>
/// <remarks>
/// <para>
/// Responses are matched to it by the branch of their top Via and their CSeq method (§17.1.3) and given to the TU's
/// <see cref="IClientTransactionUser"/>; a 300–699 to an INVITE is ACKed by the stack (§17.1.1.3). Every response object
/// belongs to the stack and is released after the TU's callback.
/// </para>
/// <para>
/// <b>CANCEL</b> (§9.1): <see cref="Cancel"/> sends the CANCEL only once a provisional response has arrived; before that
/// it is remembered and sent when the first one does. It goes on a non-INVITE client transaction of its own, to the same
/// destination, with the INVITE's Request-URI, Call-ID, From, To, CSeq number, Via (same branch) and Route headers. If no
/// final response to the INVITE arrives within 64·T1 of the CANCEL, the INVITE transaction is abandoned and the TU told
/// (<see cref="SipTransactionEnd.CancelUnanswered"/>). A 2xx that crosses the CANCEL still reaches the TU, which must ACK
/// it and send BYE.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ClientRequest
{
    private readonly Lock _gate = new();
    private readonly SipStack _stack;
    private readonly IClientTransactionUser? _user;
    private readonly InviteClientTransaction<SipMessage>? _invite;
    private readonly NonInviteClientTransaction<SipMessage>? _nonInvite;
    private List<SipMessage>? _pending;
    private byte[]? _ack;
    private bool _provisionalReceived;
    private int _finalStatusCode;
    private CancelState _cancel;
    private string? _cancelReason;
    private ITimer? _cancelTimer;
    private bool _ended;
    private bool _timedOut;
    private bool _transportFailed;
    private bool _cancelUnanswered;
    private bool _abandoned;

    internal ClientRequest(SipStack stack, OutgoingRequest request, IClientTransactionUser? user, string branch, string via, byte[] bytes, SipDestination destination)
    {
        _stack = stack;
        _user = user;
        Request = request;
        Branch = branch;
        Via = via;
        Bytes = bytes;
        Destination = destination;
        Key = TransactionKey.ForClient(branch, request.Method);
        var sink = new ClientRequestSink(this);
        if (request.Method == "INVITE")
        {
            _invite = new InviteClientTransaction<SipMessage>(bytes, sink, stack.Timers, destination.IsReliable, stack.Time);
        }
        else
        {
            _nonInvite = new NonInviteClientTransaction<SipMessage>(bytes, sink, stack.Timers, destination.IsReliable, stack.Time);
        }
    }

    private enum CancelState : byte
    {
        None,
        Pending,
        Sent,
    }

    /// <summary>
    /// The request as the TU gave it; once an INVITE has its final response, without its extra headers and body (only
    /// its Request-URI, parties, Call-ID and CSeq are needed after that, and the transaction lingers 32 s).
    /// </summary>
    public OutgoingRequest Request { get; private set; }

    /// <summary>The method.</summary>
    public string Method => Request.Method;

    /// <summary>Whether this is an INVITE (which can be cancelled).</summary>
    public bool IsInvite => _invite is not null;

    /// <summary>The branch of the top Via the stack added: the transaction's identifier.</summary>
    public string Branch { get; }

    /// <summary>The top (and only) Via the stack added, as sent.</summary>
    public string Via { get; }

    /// <summary>The request as sent (and retransmitted over UDP); empty once an INVITE has its final response.</summary>
    public ReadOnlyMemory<byte> Bytes { get; private set; }

    /// <summary>The transport the request went on: UDP, or TCP when asked for or when it was larger than 1300 bytes.</summary>
    public SipTransportProtocol Transport => Destination.Transport;

    /// <summary>Where the request went.</summary>
    public IPEndPoint RemoteEndPoint => Destination.EndPoint!;

    /// <summary>Whether a provisional response has arrived (a CANCEL may then be sent).</summary>
    public bool ProvisionalReceived
    {
        get
        {
            lock (_gate)
            {
                return _provisionalReceived;
            }
        }
    }

    /// <summary>The status code of the first final response, or 0.</summary>
    public int FinalStatusCode => Volatile.Read(ref _finalStatusCode);

    /// <summary>Whether <see cref="Cancel"/> was called and accepted (the CANCEL may still wait for a provisional response).</summary>
    public bool CancelRequested
    {
        get
        {
            lock (_gate)
            {
                return _cancel != CancelState.None;
            }
        }
    }

    /// <summary>Whether the CANCEL has been sent.</summary>
    public bool CancelSent
    {
        get
        {
            lock (_gate)
            {
                return _cancel == CancelState.Sent;
            }
        }
    }

    /// <summary>Whether the transaction has ended.</summary>
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

    internal TransactionKey Key { get; }

    internal SipDestination Destination { get; }

    /// <summary>The TU's callbacks; null for the stack's own CANCEL requests.</summary>
    internal IClientTransactionUser? User => _user;

    internal SipTransaction Transaction => (SipTransaction?)_invite ?? _nonInvite!;

    /// <summary>
    /// Cancels the INVITE (RFC 3261 §9.1): sends a CANCEL now if a provisional response has arrived, otherwise as soon as
    /// one does. Nothing is sent if a final response arrives first.
    /// </summary>
    /// <param name="reason">
    /// The Reason header value (RFC 3326) the CANCEL carries, e.g. <c>Q.850;cause=16;text="Normal call clearing"</c> when
    /// ISUP released the call; null for none.
    /// </param>
    /// <returns>False if the INVITE already has a final response, has ended, or was cancelled before.</returns>
    /// <exception cref="InvalidOperationException">This is not an INVITE.</exception>
    public bool Cancel(string? reason = null)
    {
        if (_invite is null)
        {
            throw new InvalidOperationException($"Only an INVITE can be cancelled, not {Method}.");
        }

        bool sendNow;
        lock (_gate)
        {
            if (_cancel != CancelState.None || _finalStatusCode != 0 || _ended)
            {
                return false;
            }

            _cancelReason = reason;
            sendNow = _provisionalReceived;
            _cancel = sendNow ? CancelState.Sent : CancelState.Pending;
        }

        if (sendNow)
        {
            SendCancel();
        }

        return true;
    }

    /// <summary>Ends the transaction at once, sending nothing more; the TU is told <see cref="SipTransactionEnd.Abandoned"/>.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _abandoned = true;
        }

        Transaction.Abandon();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Request.RequestUri} to {Destination} (branch {Branch})";

    /// <summary>Sends the request: call once, after the request is in the stack's table.</summary>
    internal void Start()
    {
        if (_invite is not null)
        {
            _invite.Start();
        }
        else
        {
            _nonInvite!.Start();
        }
    }

    /// <summary>
    /// A response matched this request. Whether the transaction will pass it up is decided here from its state, which
    /// only moves forward: a message it will absorb (a retransmitted final, a late provisional) is released at once; one it
    /// will pass up is released by the sink after the TU's callback, or when the transaction ends if a concurrent event
    /// made the transaction absorb it after all.
    /// </summary>
    internal void ReceiveResponse(SipMessage response)
    {
        int status = response.StatusCode;
        ReadOnlyMemory<byte> ack = default;
        if (_invite is not null && status >= 300)
        {
            try
            {
                ack = _ack ??= RequestBuilder.BuildAck(Request, Via, response.GetHeaderValue(SipHeaderName.To));
            }
            catch (ArgumentException)
            {
                // A To the writer refuses to copy: an ACK cannot be built, so the response cannot be taken.
                _stack.Release(response);
                return;
            }
        }

        bool passedUp;
        lock (_gate)
        {
            passedUp = !_ended && WillPassUp(status);
            if (passedUp)
            {
                (_pending ??= []).Add(response);
                if (status < 200)
                {
                    // Set before the TU sees the 1xx, so that a Cancel() from its callback is sent at once.
                    _provisionalReceived = true;
                }
                else if (_finalStatusCode == 0)
                {
                    Volatile.Write(ref _finalStatusCode, status);
                }
            }

            if (status >= 200 && _cancelTimer is not null)
            {
                _cancelTimer.Dispose();
                _cancelTimer = null;
            }

            if (status >= 200 && _invite is not null && !Bytes.IsEmpty)
            {
                // Never sent again (the transaction forgets its copy as it leaves Calling), and nothing after a final
                // response needs the INVITE's own headers or body: a late 2xx is acknowledged from the dialog.
                Bytes = default;
                Request = Request with { Headers = [], Body = default };
            }
        }

        if (_invite is not null)
        {
            _invite.ReceiveResponse(status, response, ack);
            if (status < 200)
            {
                SendPendingCancel();
            }
        }
        else
        {
            _nonInvite!.ReceiveResponse(status, response);

            // Over UDP, Timer K would keep this request and its TU 5 s only to absorb retransmissions of the final
            // response: the stack keeps the key instead (LingeringTransactions).
            if (_nonInvite.State == NonInviteClientState.Completed && !Destination.IsReliable && LingeringTransactions.CanKeep(Key)
                && _stack.Linger(this, [], null))
            {
                _nonInvite.Abandon();
            }
        }

        if (!passedUp)
        {
            _stack.Release(response);
        }
    }

    /// <summary>
    /// The call that took this INVITE's 2xx has ended: over UDP the stack answers that 2xx's retransmissions with
    /// <paramref name="ack"/> from now on and gives a 2xx of another fork to the TU without this request, which ends (Timer
    /// M would have kept it, and the call with it, 32 s).
    /// </summary>
    internal void LingerAnswered(string remoteTag, ReadOnlySpan<byte> ack, IPEndPoint destination)
    {
        int tagLength = Encoding.UTF8.GetByteCount(remoteTag);
        if (_invite is not { State: InviteClientState.Accepted } || Destination.IsReliable || tagLength > byte.MaxValue || !LingeringTransactions.CanKeep(Key))
        {
            return;
        }

        // What the stack keeps for an INVITE: the To tag's length in one byte, the tag, then the ACK.
        int length = 1 + tagLength + ack.Length;
        Span<byte> kept = length <= 2048 ? stackalloc byte[length] : new byte[length];
        kept[0] = (byte)tagLength;
        Encoding.UTF8.GetBytes(remoteTag, kept[1..]);
        ack.CopyTo(kept[(1 + tagLength)..]);
        if (_stack.Linger(this, kept, destination))
        {
            _invite.Abandon();
        }
    }

    // ---- Sink callbacks (ClientRequestSink).

    internal void OnSend(ReadOnlyMemory<byte> message) => _stack.Transports.Send(Destination, message, Transaction);

    internal void OnResponseReceived(SipMessage response)
    {
        if (_user is not null)
        {
            _stack.Notify(this, response);
        }

        bool release;
        lock (_gate)
        {
            release = _pending?.Remove(response) == true;
            // An INVITE's transaction lingers 32 s after its 2xx (Timer M): an empty list would linger with it.
            if (_pending is { Count: 0 }) _pending = null;
        }

        if (release)
        {
            _stack.Release(response);
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
        List<SipMessage>? pending;
        ITimer? timer;
        SipTransactionEnd end;
        lock (_gate)
        {
            _ended = true;
            pending = _pending;
            _pending = null;
            timer = _cancelTimer;
            _cancelTimer = null;
            end = _transportFailed ? SipTransactionEnd.TransportFailed
                : _timedOut ? SipTransactionEnd.TimedOut
                : _cancelUnanswered ? SipTransactionEnd.CancelUnanswered
                : _finalStatusCode != 0 ? SipTransactionEnd.Completed
                : _abandoned ? SipTransactionEnd.Abandoned
                : SipTransactionEnd.Completed;
        }

        timer?.Dispose();
        if (pending is not null)
        {
            foreach (SipMessage response in pending)
            {
                _stack.Release(response);
            }
        }

        if (_user is not null)
        {
            _stack.NotifyEnded(this, end);
        }
    }

    private bool WillPassUp(int status) => _invite is not null
        ? _invite.State switch
        {
            InviteClientState.Created or InviteClientState.Calling or InviteClientState.Proceeding => true,
            InviteClientState.Accepted => status is >= 200 and <= 299,
            _ => false,
        }
        : _nonInvite!.State is NonInviteClientState.Created or NonInviteClientState.Trying or NonInviteClientState.Proceeding;

    private void SendPendingCancel()
    {
        lock (_gate)
        {
            if (_cancel != CancelState.Pending || _finalStatusCode != 0 || _ended)
            {
                return;
            }

            _cancel = CancelState.Sent;
        }

        SendCancel();
    }

    private void SendCancel()
    {
        string? reason;
        lock (_gate)
        {
            reason = _cancelReason;

            // Armed before the CANCEL leaves, so that whoever sees the CANCEL on the wire knows the clock is running.
            if (!_ended && _finalStatusCode == 0)
            {
                _cancelTimer = _stack.Time.CreateTimer(static state => ((ClientRequest)state!).CancelTimedOut(), this, _stack.Timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
            }
        }

        _stack.SendCancel(this, RequestBuilder.BuildCancel(Request, Via, reason));
    }

    private void CancelTimedOut()
    {
        lock (_gate)
        {
            if (_ended || _finalStatusCode != 0)
            {
                return;
            }

            _cancelUnanswered = true;
        }

        // RFC 3261 §9.1: no final response 64·T1 after the CANCEL: the INVITE transaction is destroyed.
        _invite!.Abandon();
    }
}
