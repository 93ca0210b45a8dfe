using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// What the four SIP transactions (RFC 3261 §17, with the Accepted states of RFC 6026) have in common: a lock that
/// serialises their events, their timers, and an outbox that delivers their sink callbacks outside that lock.
/// The layer above may keep transactions of every kind in one table as <see cref="SipTransaction"/>.
/// </summary>
/// <remarks>
/// <para>
/// A transaction neither parses nor builds SIP. It is given already serialised bytes for everything it may send or
/// re-send, and the layer above's own message objects for everything it passes up; the layer above matches
/// incoming messages to transactions (see <see cref="TransactionKey"/>) and tells each one what arrived.
/// </para>
/// <para>
/// <b>Threading.</b> Events reach a transaction from network threads (a response, a retransmission, a transport
/// error), from the TU (a response to send) and from timer threads. Each event is handled under the transaction's
/// lock: the shared state machine fires, and what it decides — messages to send, callbacks for the TU — is only
/// <i>recorded</i> in the outbox. After the lock is released, one thread at a time (the first that found the
/// outbox idle) delivers the recorded effects to the sink, in the order they were decided, until the outbox is
/// empty. So:
/// </para>
/// <list type="bullet">
/// <item>a sink callback never runs under the transaction's lock and never inside the state machine's Fire, so it
/// may call straight back into the same transaction (send a response, abandon it) without deadlocking and without
/// the state machine's re-entrant Fire exception; what that call decides is delivered after the callback
/// returns;</item>
/// <item>callbacks for one transaction never overlap and keep their order, even when events race on several
/// threads; an effect decided on one thread may be delivered by another that is already delivering;</item>
/// <item><see cref="ITransactionSink.Terminated"/> is the last callback and comes exactly once.</item>
/// </list>
/// <para>
/// <b>Timers</b> come from the injected <see cref="TimeProvider"/>: at most two per transaction, created on first
/// use with a static callback and the transaction as state, re-armed with <see cref="ITimer.Change"/>, stopped by
/// the state machine's exit actions and disposed when the transaction terminates. A timer due at once (Timers D,
/// I, J, K on reliable transports) is not armed: its trigger fires right after the event that started it, before
/// the lock is released. Once terminated, a transaction ignores every event.
/// </para>
/// <para>
/// <see cref="SipTransaction{TState}"/> adds the state of each kind's machine, and
/// <see cref="ClientTransaction{TMessage, TState}"/> what the two client transactions share: the request they send and
/// re-send, <c>Start</c>, and the responses they pass up.
/// </para>
/// <para>
/// Handling an event allocates nothing: effects are structs in a reused array, triggers carry struct arguments,
/// and the state machine's actions are static lambdas.
/// </para>
/// </remarks>
public abstract class SipTransaction
{
    private const int InitialOutboxCapacity = 4;

    private static readonly TimerCallback RetransmissionTimerElapsed = static state => ((SipTransaction)state!).OnTimerElapsed(retransmission: true);
    private static readonly TimerCallback LifetimeTimerElapsed = static state => ((SipTransaction)state!).OnTimerElapsed(retransmission: false);

    private readonly Lock _gate = new();
    private readonly ITransactionSink _sink;
    private readonly TimeProvider _time;

    // A, E, G and Trying never run together, nor do B, D, F, H, I, J, K, L and M: one slot for each family.
    private TimerSlot _retransmissionTimer;
    private TimerSlot _lifetimeTimer;

    // A timer started with a zero duration: fired as soon as the current Fire returns.
    private TransactionTimer? _timerDueNow;

    // Effects decided under the lock, delivered outside it in order by one thread at a time.
    private EffectOutbox<TransactionEffect> _outbox = new(InitialOutboxCapacity);

    private bool _terminated;
    private bool _lastTriggerUnhandled;

    private protected SipTransaction(ITransactionSink sink, SipTimerSettings timers, bool reliableTransport, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sink = sink;
        _time = timeProvider;
        Timers = timers;
        IsReliableTransport = reliableTransport;
    }

    /// <summary>The timer values this transaction runs with.</summary>
    public SipTimerSettings Timers { get; }

    /// <summary>True over TCP, TLS or SCTP: no retransmissions, and Timers D, I, J, K are zero.</summary>
    public bool IsReliableTransport { get; }

    /// <summary>True once the transaction has reached Terminated; it then ignores every event.</summary>
    public bool IsTerminated => Volatile.Read(ref _terminated);

    /// <summary>
    /// The transport could not deliver a message of this transaction (RFC 3261 §17.1.4, §17.2.4): the transaction
    /// terminates and reports <see cref="ITransactionSink.TransportFailed"/> then <see cref="ITransactionSink.Terminated"/>.
    /// </summary>
    public abstract void TransportError();

    /// <summary>
    /// The TU gives up on the transaction (for example RFC 3261 §9.1: no final response 64·T1 after a CANCEL):
    /// it terminates at once, sends nothing more and reports only <see cref="ITransactionSink.Terminated"/>.
    /// </summary>
    public abstract void Abandon();

    /// <summary>The current interval of the running retransmission timer (A, E or G).</summary>
    private protected TimeSpan RetransmissionInterval { get; set; }

    /// <summary>Fires <paramref name="timer"/>'s trigger on the derived state machine; called under the lock.</summary>
    private protected abstract void OnTimer(TransactionTimer timer);

    /// <summary>Delivers an effect that needs the derived class's typed sink (a response, an ACK, a timeout).</summary>
    private protected abstract void DeliverToUser(in TransactionEffect effect);

    /// <summary>Handles one event: fires <paramref name="trigger"/> under the lock, then delivers what it decided.</summary>
    /// <returns>False when the transaction is terminated or the trigger is not handled in its state.</returns>
    private protected bool Dispatch<TState, TTrigger, TSelf>(StateMachine<TState, TTrigger, TSelf> machine, TSelf self, TTrigger trigger)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TSelf : SipTransaction, IStateful<TState> =>
        Handle(new TriggerEvent<TState, TTrigger, TSelf>(machine, self, trigger));

    /// <summary>As <see cref="Dispatch{TState, TTrigger, TSelf}(StateMachine{TState, TTrigger, TSelf}, TSelf, TTrigger)"/> for a trigger with an argument.</summary>
    private protected bool Dispatch<TState, TTrigger, TSelf, TArg>(
        StateMachine<TState, TTrigger, TSelf> machine, TSelf self, TriggerWithParameter<TTrigger, TArg> trigger, in TArg argument)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TSelf : SipTransaction, IStateful<TState> =>
        Handle(new TriggerEvent<TState, TTrigger, TSelf, TArg>(machine, self, trigger, argument));

    /// <summary>The machines' unhandled-trigger policy: late and out-of-state events are dropped, not thrown.</summary>
    private protected void MarkTriggerUnhandled() => _lastTriggerUnhandled = true;

    /// <summary>Records a message for the transport.</summary>
    private protected void EmitSend(ReadOnlyMemory<byte> message) => Emit(new TransactionEffect(TransactionEffectKind.Send, bytes: message));

    /// <summary>Records a callback for the sink.</summary>
    private protected void Emit(TransactionEffectKind kind, int statusCode = 0, object? message = null) =>
        Emit(new TransactionEffect(kind, statusCode: statusCode, message: message));

    /// <summary>
    /// Starts <paramref name="timer"/> with its first duration on this transport; a retransmission timer's duration
    /// also becomes <see cref="RetransmissionInterval"/>. Does nothing for a timer this transport does not use.
    /// </summary>
    private protected void StartTimer(TransactionTimer timer)
    {
        if (Timers.Duration(timer, IsReliableTransport) is not TimeSpan duration)
        {
            return;
        }

        if (IsRetransmissionTimer(timer))
        {
            RetransmissionInterval = duration;
        }

        StartTimer(timer, duration);
    }

    /// <summary>Starts (or restarts) <paramref name="timer"/> to fire after <paramref name="duration"/>.</summary>
    private protected void StartTimer(TransactionTimer timer, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            // Gateway.Fsm forbids firing from inside an action; the trigger fires once this Fire has returned.
            _timerDueNow = timer;
            return;
        }

        ref TimerSlot slot = ref SlotOf(timer);
        slot.Armed = timer;
        slot.DueTimestamp = _time.GetTimestamp() + ToTimestampUnits(duration);
        if (slot.Timer is null)
        {
            slot.Timer = CreateTimer(IsRetransmissionTimer(timer) ? RetransmissionTimerElapsed : LifetimeTimerElapsed, duration);
        }
        else
        {
            slot.Timer.Change(duration, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Starts <paramref name="timer"/> from a constructor, before any event can race with it.</summary>
    private protected void StartTimerOnCreation(TransactionTimer timer)
    {
        lock (_gate)
        {
            StartTimer(timer);
        }
    }

    /// <summary>
    /// Stops <paramref name="timer"/> if it is running. A lifetime timer's object is kept for the next state's; a
    /// retransmission timer's is let go, because a transaction that stops retransmitting has reached the state it
    /// lingers in (for up to 32 s, thousands of them under load), and what lingers is what every collection pays for.
    /// </summary>
    private protected void StopTimer(TransactionTimer timer)
    {
        if (_timerDueNow == timer)
        {
            _timerDueNow = null;
        }

        ref TimerSlot slot = ref SlotOf(timer);
        if (slot.Armed == timer)
        {
            if (IsRetransmissionTimer(timer))
            {
                Release(ref slot);
            }
            else
            {
                slot.Armed = null;
                slot.Timer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Starts a state's two timers: a retransmission timer (which this transport may not use) and a lifetime timer.</summary>
    private protected void StartTimers(TransactionTimer first, TransactionTimer second)
    {
        StartTimer(first);
        StartTimer(second);
    }

    /// <summary>Stops a state's two timers.</summary>
    private protected void StopTimers(TransactionTimer first, TransactionTimer second)
    {
        StopTimer(first);
        StopTimer(second);
    }

    /// <summary>
    /// Re-sends <paramref name="message"/> on an expiry of the retransmission timer <paramref name="timer"/> and
    /// restarts it for <paramref name="next"/>, which becomes <see cref="RetransmissionInterval"/>.
    /// </summary>
    private protected void Retransmit(ReadOnlyMemory<byte> message, TransactionTimer timer, TimeSpan next)
    {
        EmitSend(message);
        RetransmissionInterval = next;
        StartTimer(timer, next);
    }

    /// <summary>The next interval of Timers E and G: twice the current one, at most T2.</summary>
    private protected TimeSpan DoubledIntervalUpToT2()
    {
        var doubled = RetransmissionInterval * 2;
        return doubled < Timers.T2 ? doubled : Timers.T2;
    }

    /// <summary>The Terminated state's entry: dispose every timer, ignore all later events, tell the sink last.</summary>
    private protected void Finish()
    {
        _timerDueNow = null;
        Release(ref _retransmissionTimer);
        Release(ref _lifetimeTimer);
        Volatile.Write(ref _terminated, true);
        Emit(TransactionEffectKind.Terminated);
    }

    private static bool IsRetransmissionTimer(TransactionTimer timer) =>
        timer is TransactionTimer.A or TransactionTimer.E or TransactionTimer.G or TransactionTimer.Trying;

    private static void Release(ref TimerSlot slot)
    {
        slot.Armed = null;
        slot.Timer?.Dispose();
        slot.Timer = null;
    }

    private ref TimerSlot SlotOf(TransactionTimer timer)
    {
        if (IsRetransmissionTimer(timer))
        {
            return ref _retransmissionTimer;
        }

        return ref _lifetimeTimer;
    }

    private ITimer CreateTimer(TimerCallback callback, TimeSpan duration)
    {
        // A timer captures its creator's ExecutionContext; a transaction outlives the event that first armed the
        // timer, so that event's AsyncLocals (log scopes, activities) must not leak into every later expiry.
        bool suppress = !ExecutionContext.IsFlowSuppressed();
        AsyncFlowControl flow = suppress ? ExecutionContext.SuppressFlow() : default;
        try
        {
            return _time.CreateTimer(callback, this, duration, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (suppress)
            {
                flow.Undo();
            }
        }
    }

    private void OnTimerElapsed(bool retransmission)
    {
        bool deliver;
        lock (_gate)
        {
            ref TimerSlot slot = ref retransmission ? ref _retransmissionTimer : ref _lifetimeTimer;
            if (_terminated || slot.Armed is not TransactionTimer timer)
            {
                return; // stopped while this callback was on its way
            }

            long now = _time.GetTimestamp();
            if (now < slot.DueTimestamp)
            {
                // A callback of an earlier arming that lost the race with a re-arm (or a clock that fired early):
                // the slot's current timer is not due yet, so let it run to its own due time.
                slot.Timer!.Change(ToTimeSpan(slot.DueTimestamp - now), Timeout.InfiniteTimeSpan);
                return;
            }

            slot.Armed = null;
            _lastTriggerUnhandled = false;
            OnTimer(timer);
            deliver = Settle();
        }

        if (deliver)
        {
            DeliverOutbox();
        }
    }

    /// <summary>The one path of every event but a timer's: fire under the lock, settle, then deliver outside it.</summary>
    private bool Handle<TEvent>(in TEvent @event)
        where TEvent : struct, ITransactionEvent
    {
        bool handled;
        bool deliver;
        lock (_gate)
        {
            if (_terminated)
            {
                return false;
            }

            _lastTriggerUnhandled = false;
            @event.Fire();
            handled = !_lastTriggerUnhandled;
            deliver = Settle();
        }

        if (deliver)
        {
            DeliverOutbox();
        }

        return handled;
    }

    /// <summary>
    /// After a Fire, under the lock: fires the triggers of timers that were due at once, then claims the delivery
    /// of the outbox unless another thread is already delivering (it will deliver these effects too).
    /// </summary>
    private bool Settle()
    {
        while (_timerDueNow is TransactionTimer timer && !_terminated)
        {
            _timerDueNow = null;
            OnTimer(timer);
        }

        return _outbox.ClaimDelivery();
    }

    private void Emit(in TransactionEffect effect) => _outbox.Add(in effect);

    /// <summary>Delivers effects outside the lock until the outbox stays empty; only the thread that claimed delivery runs this.</summary>
    private void DeliverOutbox() => _outbox.Deliver(_gate, new OutboxTarget(this));

    private void Deliver(in TransactionEffect effect)
    {
        switch (effect.Kind)
        {
            case TransactionEffectKind.Send:
                _sink.Send(effect.Bytes);
                break;
            case TransactionEffectKind.TransportFailed:
                _sink.TransportFailed();
                break;
            case TransactionEffectKind.Terminated:
                _sink.Terminated();
                break;
            default:
                DeliverToUser(in effect);
                break;
        }
    }

    private long ToTimestampUnits(TimeSpan duration) =>
        (long)((Int128)duration.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private TimeSpan ToTimeSpan(long timestampUnits)
    {
        // Rounded up: re-arming an early callback for zero would fire it again before it is due.
        long frequency = _time.TimestampFrequency;
        long ticks = (long)((((Int128)timestampUnits * TimeSpan.TicksPerSecond) + frequency - 1) / frequency);
        return TimeSpan.FromTicks(Math.Max(1, ticks));
    }

    /// <summary>An event for <see cref="Handle{TEvent}"/>: a struct, so that handling it allocates nothing.</summary>
    private interface ITransactionEvent
    {
        void Fire();
    }

    private readonly struct TriggerEvent<TState, TTrigger, TSelf>(StateMachine<TState, TTrigger, TSelf> machine, TSelf self, TTrigger trigger)
        : ITransactionEvent
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TSelf : SipTransaction, IStateful<TState>
    {
        public void Fire() => machine.Fire(self, trigger);
    }

    private readonly struct TriggerEvent<TState, TTrigger, TSelf, TArg>(
        StateMachine<TState, TTrigger, TSelf> machine, TSelf self, TriggerWithParameter<TTrigger, TArg> trigger, TArg argument)
        : ITransactionEvent
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TSelf : SipTransaction, IStateful<TState>
    {
        public void Fire() => machine.Fire(self, trigger, in argument);
    }

    /// <summary>The transaction as its outbox's target, without exposing the interface on the public type.</summary>
    private readonly struct OutboxTarget(SipTransaction transaction) : IEffectTarget<TransactionEffect>
    {
        public void Deliver(in TransactionEffect effect) => transaction.Deliver(in effect);
    }
}
