namespace Gateway.Fsm;

/// <summary>
/// A context object (for example a call or a circuit) that owns the state of one state machine.
/// </summary>
/// <remarks>
/// The machine graph is shared by every context of a machine type, so the state lives in the context:
/// <see cref="StateMachine{TState, TTrigger, TContext}.Fire(TContext, TTrigger)"/> reads
/// <see cref="State"/> once and writes it once per transition. A context that is driven by two machines
/// (say a SIP leg and an ISUP leg) implements this interface once per state enum, explicitly.
/// Implement the property as a plain field access: it is on the hot path.
/// </remarks>
/// <typeparam name="TState">The state enum.</typeparam>
public interface IStateful<TState>
    where TState : struct, Enum
{
    /// <summary>The current state. Only the state machine should set it once the context is in use.</summary>
    TState State { get; set; }
}
