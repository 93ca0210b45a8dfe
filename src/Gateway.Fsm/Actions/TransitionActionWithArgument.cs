namespace Gateway.Fsm;

/// <summary>
/// An action that also receives the typed argument of a <see cref="TriggerWithParameter{TTrigger, TArg}"/>.
/// The argument is passed by reference (<c>in</c>) so a struct argument is neither copied nor boxed;
/// write the lambda as <c>static (call, in argument, transition) =&gt; ...</c>.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
/// <typeparam name="TArg">The trigger's argument type.</typeparam>
/// <param name="context">The context the trigger was fired on.</param>
/// <param name="argument">The argument given to <c>Fire</c>.</param>
/// <param name="transition">The transition in progress.</param>
public delegate void TransitionActionWithArgument<TState, TTrigger, TContext, TArg>(
    TContext context, in TArg argument, Transition<TState, TTrigger> transition)
    where TState : struct, Enum
    where TTrigger : struct, Enum;
