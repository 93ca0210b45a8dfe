namespace Gateway.Fsm;

/// <summary>
/// An entry, exit, internal-transition action or a transition observer. It receives the context because
/// the machine graph is shared by all contexts: write it as a <c>static</c> lambda so it captures nothing.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
/// <param name="context">The context the trigger was fired on.</param>
/// <param name="transition">The transition in progress.</param>
public delegate void TransitionAction<TState, TTrigger, TContext>(TContext context, Transition<TState, TTrigger> transition)
    where TState : struct, Enum
    where TTrigger : struct, Enum;
