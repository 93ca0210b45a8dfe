namespace Gateway.Sip;

/// <summary>
/// What the INVITE and non-INVITE client transactions (RFC 3261 §17.1) share: the serialised request, sent by
/// <see cref="Start"/> and re-sent on the retransmission timer; the responses passed up to an
/// <see cref="IClientTransactionSink{TMessage}"/>; and the timeout reported to it.
/// </summary>
/// <remarks>
/// Only the two client transactions derive from it. Each keeps what differs by the RFC: its state machine, how
/// status codes map to its triggers, its timers and how the retransmission interval grows.
/// </remarks>
/// <typeparam name="TMessage">The layer above's parsed message type, handed back to it untouched.</typeparam>
/// <typeparam name="TState">The transaction's states, as in the RFC figure.</typeparam>
public abstract class ClientTransaction<TMessage, TState> : SipTransaction<TState>
    where TMessage : class
    where TState : struct, Enum
{
    private readonly IClientTransactionSink<TMessage> _sink;
    private ReadOnlyMemory<byte> _request;

    private protected ClientTransaction(
        TState initialState,
        ReadOnlyMemory<byte> request,
        IClientTransactionSink<TMessage> sink,
        SipTimerSettings timers,
        bool reliableTransport,
        TimeProvider timeProvider)
        : base(initialState, sink, timers, reliableTransport, timeProvider)
    {
        _sink = sink;
        _request = request;
    }

    /// <summary>
    /// Sends the request and starts the retransmission timer (A or E, unreliable transports only) and the timeout
    /// (B or F): Created → Calling or Trying.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (!DispatchStart() && !IsTerminated)
        {
            throw new InvalidOperationException($"The {Kind} client transaction has already been started.");
        }
    }

    /// <summary>"INVITE" or "non-INVITE", for messages.</summary>
    private protected abstract string Kind { get; }

    /// <summary>Fires the Start trigger on the derived machine.</summary>
    /// <returns>False when it was not handled: already started, or terminated.</returns>
    private protected abstract bool DispatchStart();

    private protected sealed override void DeliverToUser(in TransactionEffect effect)
    {
        switch (effect.Kind)
        {
            case TransactionEffectKind.ResponseReceived:
                _sink.ResponseReceived(effect.StatusCode, (TMessage)effect.Message!);
                break;
            case TransactionEffectKind.TimedOut:
                _sink.TimedOut();
                break;
        }
    }

    /// <summary>The argument of a response trigger, for a response the layer above passed in.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    private protected static ReceivedResponse<TMessage> Received(int statusCode, TMessage response, ReadOnlyMemory<byte> ackForFailure = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new ReceivedResponse<TMessage>(statusCode, response, ackForFailure);
    }

    /// <summary>Sends the request and starts <paramref name="retransmission"/> (unreliable transports only) and <paramref name="timeout"/>.</summary>
    private protected void SendRequest(TransactionTimer retransmission, TransactionTimer timeout)
    {
        EmitSend(_request);
        StartTimers(retransmission, timeout);
    }

    /// <summary>
    /// Lets the serialised request go once it will never be sent again: an INVITE transaction lingers 32 s after its
    /// 2xx (Timer M), and under load thousands of them at once kept a kilobyte each for nothing.
    /// </summary>
    private protected void ForgetRequest() => _request = default;

    /// <summary>Re-sends the request and restarts <paramref name="retransmission"/> for <paramref name="next"/>.</summary>
    private protected void RetransmitRequest(TransactionTimer retransmission, TimeSpan next) =>
        Retransmit(_request, retransmission, next);

    /// <summary>Records <paramref name="response"/> for the TU.</summary>
    private protected void PassUp(in ReceivedResponse<TMessage> response) =>
        Emit(TransactionEffectKind.ResponseReceived, response.StatusCode, response.Message);
}
