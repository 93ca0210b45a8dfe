namespace Gateway.Fsm;

/// <summary>
/// A guard condition on a <see cref="TriggerWithParameter{TTrigger, TArg}"/> that also inspects the
/// argument, for example the status code of a SIP response. Guards must not change the context.
/// </summary>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
/// <typeparam name="TArg">The trigger's argument type.</typeparam>
/// <param name="context">The context the trigger was fired on.</param>
/// <param name="argument">The argument given to <c>Fire</c>.</param>
/// <returns>True when the behaviour may be taken.</returns>
public delegate bool TransitionGuardWithArgument<TContext, TArg>(TContext context, in TArg argument);
