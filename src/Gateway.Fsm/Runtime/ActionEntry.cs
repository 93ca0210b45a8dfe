namespace Gateway.Fsm;

/// <summary>
/// A compiled action: either a <see cref="TransitionAction{TState, TTrigger, TContext}"/> or a
/// <see cref="TransitionActionWithArgument{TState, TTrigger, TContext, TArg}"/>, told apart by a flag so that
/// Fire can call it without a type check.
/// </summary>
internal readonly struct ActionEntry(Delegate action, bool takesArgument)
{
    public Delegate Action { get; } = action;

    public bool TakesArgument { get; } = takesArgument;
}
