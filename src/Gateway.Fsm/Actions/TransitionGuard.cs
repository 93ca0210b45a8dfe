namespace Gateway.Fsm;

/// <summary>
/// A guard condition: the guarded behaviour applies only when it returns true. Guards must not change
/// the context; they may run from <c>CanFire</c> and <c>GetPermittedTriggers</c> too.
/// </summary>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
/// <param name="context">The context the trigger was fired on.</param>
/// <returns>True when the behaviour may be taken.</returns>
public delegate bool TransitionGuard<TContext>(TContext context);
