using Gateway.Fsm;

namespace Gateway.Sip;

/// <summary>
/// A <see cref="SipTransaction"/> with the state of its kind's machine: the <see cref="IStateful{TState}"/> context
/// that each kind's shared, static state machine fires on.
/// </summary>
/// <typeparam name="TState">The kind's states, as in the RFC figure.</typeparam>
public abstract class SipTransaction<TState> : SipTransaction, IStateful<TState>
    where TState : struct, Enum
{
    private TState _state;

    private protected SipTransaction(TState initialState, ITransactionSink sink, SipTimerSettings timers, bool reliableTransport, TimeProvider timeProvider)
        : base(sink, timers, reliableTransport, timeProvider)
    {
        _state = initialState;
    }

    /// <summary>The current state (a snapshot when read from another thread than the one handling an event).</summary>
    public TState State => _state;

    TState IStateful<TState>.State
    {
        get => _state;
        set => _state = value;
    }
}
