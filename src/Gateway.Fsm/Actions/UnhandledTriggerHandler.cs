namespace Gateway.Fsm;

/// <summary>
/// Called instead of throwing <see cref="UnhandledTriggerException"/> when a fired trigger has no
/// behaviour in the current state (or any superstate), or when every guard for it is false.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
/// <param name="context">The context the trigger was fired on; its state is unchanged.</param>
/// <param name="state">The current state.</param>
/// <param name="trigger">The trigger that was not handled.</param>
/// <param name="unmetGuards">
/// Descriptions of the guards that were evaluated and false; empty when no behaviour exists at all.
/// The span views a table shared by the machine: copy it if it must outlive the call.
/// </param>
public delegate void UnhandledTriggerHandler<TState, TTrigger, TContext>(
    TContext context, TState state, TTrigger trigger, ReadOnlySpan<string> unmetGuards)
    where TState : struct, Enum
    where TTrigger : struct, Enum;
