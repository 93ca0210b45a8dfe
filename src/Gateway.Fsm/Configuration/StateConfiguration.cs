namespace Gateway.Fsm;

/// <summary>
/// Fluent configuration of one state, returned by
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Configure(TState)"/>. Every method returns this
/// configuration so calls chain as in Stateless. Mistakes that need the whole graph to be seen (duplicate
/// permits, cycles, unreachable states) are reported together by <c>Build</c>.
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
public sealed class StateConfiguration<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TContext : class, IStateful<TState>
{
    private readonly StateMachineBuilder<TState, TTrigger, TContext> _builder;
    private readonly StateDefinition<TState, TTrigger> _definition;

    internal StateConfiguration(StateMachineBuilder<TState, TTrigger, TContext> builder, StateDefinition<TState, TTrigger> definition)
    {
        _builder = builder;
        _definition = definition;
    }

    /// <summary>The state being configured.</summary>
    public TState State => _definition.State;

    /// <summary>Transition to <paramref name="destination"/> when <paramref name="trigger"/> is fired.</summary>
    /// <param name="trigger">The trigger that causes the transition.</param>
    /// <param name="destination">The state to go to; must differ from this state (use <see cref="PermitReentry"/>).</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Permit(TTrigger trigger, TState destination) =>
        Add(new BehaviourDefinition<TState, TTrigger> { Kind = BehaviourKind.Transition, Trigger = trigger, Destination = destination });

    /// <summary>
    /// Transition to <paramref name="destination"/> when <paramref name="trigger"/> is fired and
    /// <paramref name="guard"/> returns true. Several guarded permits may share a trigger; they are tried in
    /// declaration order and the first whose guard is true is taken, so make them mutually exclusive.
    /// </summary>
    /// <param name="trigger">The trigger that causes the transition.</param>
    /// <param name="destination">The state to go to.</param>
    /// <param name="guard">The condition, given the context.</param>
    /// <param name="guardDescription">Human-readable condition, shown in diagrams and unhandled-trigger reports.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf(
        TTrigger trigger, TState destination, TransitionGuard<TContext> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return Add(new BehaviourDefinition<TState, TTrigger>
        {
            Kind = BehaviourKind.Transition,
            Trigger = trigger,
            Destination = destination,
            Guard = guard,
            GuardDescription = RequireDescription(guardDescription),
        });
    }

    /// <summary>
    /// Transition to <paramref name="destination"/> when the parameterised <paramref name="trigger"/> is fired
    /// and <paramref name="guard"/> accepts the context and argument (for example a SIP status code range).
    /// </summary>
    /// <typeparam name="TArg">The trigger's argument type.</typeparam>
    /// <param name="trigger">The parameterised trigger, from <c>SetTriggerParameter</c> on the same builder.</param>
    /// <param name="destination">The state to go to.</param>
    /// <param name="guard">The condition, given the context and the argument by reference.</param>
    /// <param name="guardDescription">Human-readable condition, shown in diagrams and unhandled-trigger reports.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf<TArg>(
        TriggerWithParameter<TTrigger, TArg> trigger,
        TState destination,
        TransitionGuardWithArgument<TContext, TArg> guard,
        string guardDescription)
    {
        RequireOwnTrigger(trigger);
        ArgumentNullException.ThrowIfNull(guard);
        return Add(new BehaviourDefinition<TState, TTrigger>
        {
            Kind = BehaviourKind.Transition,
            Trigger = trigger.Trigger,
            Destination = destination,
            Guard = guard,
            GuardTakesArgument = true,
            GuardDescription = RequireDescription(guardDescription),
        });
    }

    /// <summary>
    /// Leave and re-enter this state when <paramref name="trigger"/> is fired: exit actions run (from the
    /// current substate up to this state), then this state's entry actions. Observers are notified.
    /// </summary>
    /// <param name="trigger">The trigger that causes the re-entry.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentry(TTrigger trigger) =>
        Add(new BehaviourDefinition<TState, TTrigger> { Kind = BehaviourKind.Reentry, Trigger = trigger, Destination = State });

    /// <summary>As <see cref="PermitReentry"/>, only when <paramref name="guard"/> returns true.</summary>
    /// <param name="trigger">The trigger that causes the re-entry.</param>
    /// <param name="guard">The condition, given the context.</param>
    /// <param name="guardDescription">Human-readable condition, shown in diagrams and unhandled-trigger reports.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentryIf(
        TTrigger trigger, TransitionGuard<TContext> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return Add(new BehaviourDefinition<TState, TTrigger>
        {
            Kind = BehaviourKind.Reentry,
            Trigger = trigger,
            Destination = State,
            Guard = guard,
            GuardDescription = RequireDescription(guardDescription),
        });
    }

    /// <summary>
    /// Accept <paramref name="trigger"/> and do nothing: no actions, no observers, no unhandled-trigger report
    /// (for example a retransmission that needs no answer in this state).
    /// </summary>
    /// <param name="trigger">The trigger to ignore.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Ignore(TTrigger trigger) =>
        Add(new BehaviourDefinition<TState, TTrigger> { Kind = BehaviourKind.Ignore, Trigger = trigger });

    /// <summary>As <see cref="Ignore"/>, only when <paramref name="guard"/> returns true.</summary>
    /// <param name="trigger">The trigger to ignore.</param>
    /// <param name="guard">The condition, given the context.</param>
    /// <param name="guardDescription">Human-readable condition, shown in diagrams and unhandled-trigger reports.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> IgnoreIf(
        TTrigger trigger, TransitionGuard<TContext> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return Add(new BehaviourDefinition<TState, TTrigger>
        {
            Kind = BehaviourKind.Ignore,
            Trigger = trigger,
            Guard = guard,
            GuardDescription = RequireDescription(guardDescription),
        });
    }

    /// <summary>
    /// Run <paramref name="action"/> when <paramref name="trigger"/> is fired, without leaving the state:
    /// no exit or entry actions run and observers are not notified. Declared on a superstate, it applies in
    /// every substate and the machine stays in that substate.
    /// </summary>
    /// <param name="trigger">The trigger handled internally.</param>
    /// <param name="action">The action; the transition has <see cref="TransitionKind.Internal"/>.</param>
    /// <param name="description">Optional text for diagrams, for example "relay 183".</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition(
        TTrigger trigger, TransitionAction<TState, TTrigger, TContext> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Add(new BehaviourDefinition<TState, TTrigger>
        {
            Kind = BehaviourKind.Internal,
            Trigger = trigger,
            Action = action,
            ActionDescription = description,
        });
    }

    /// <summary>As <see cref="InternalTransition(TTrigger, TransitionAction{TState, TTrigger, TContext}, string?)"/>, with the trigger's typed argument.</summary>
    /// <typeparam name="TArg">The trigger's argument type.</typeparam>
    /// <param name="trigger">The parameterised trigger, from <c>SetTriggerParameter</c> on the same builder.</param>
    /// <param name="action">The action, given the argument by reference.</param>
    /// <param name="description">Optional text for diagrams.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition<TArg>(
        TriggerWithParameter<TTrigger, TArg> trigger,
        TransitionActionWithArgument<TState, TTrigger, TContext, TArg> action,
        string? description = null)
    {
        RequireOwnTrigger(trigger);
        ArgumentNullException.ThrowIfNull(action);
        return Add(new BehaviourDefinition<TState, TTrigger>
        {
            Kind = BehaviourKind.Internal,
            Trigger = trigger.Trigger,
            Action = action,
            ActionTakesArgument = true,
            ActionDescription = description,
        });
    }

    /// <summary>
    /// Run <paramref name="action"/> whenever this state is entered (and on re-entry). Entry actions of one
    /// state run in declaration order, interleaved with <c>OnEntryFrom</c> actions.
    /// </summary>
    /// <param name="action">The action.</param>
    /// <param name="description">Optional text for diagrams, for example "send IAM".</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntry(
        TransitionAction<TState, TTrigger, TContext> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        _definition.EntryActions.Add(new ActionDefinition<TTrigger> { Action = action, Description = description });
        return this;
    }

    /// <summary>Run <paramref name="action"/> when this state is entered because <paramref name="trigger"/> was fired.</summary>
    /// <param name="trigger">The trigger the action is restricted to.</param>
    /// <param name="action">The action.</param>
    /// <param name="description">Optional text for diagrams.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFrom(
        TTrigger trigger, TransitionAction<TState, TTrigger, TContext> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        _definition.EntryActions.Add(new ActionDefinition<TTrigger>
        {
            Action = action,
            HasTrigger = true,
            FromTrigger = trigger,
            Description = description,
        });
        return this;
    }

    /// <summary>
    /// Run <paramref name="action"/>, given the trigger's typed argument, when this state is entered because
    /// the parameterised <paramref name="trigger"/> was fired.
    /// </summary>
    /// <typeparam name="TArg">The trigger's argument type.</typeparam>
    /// <param name="trigger">The parameterised trigger, from <c>SetTriggerParameter</c> on the same builder.</param>
    /// <param name="action">The action, given the argument by reference.</param>
    /// <param name="description">Optional text for diagrams.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFrom<TArg>(
        TriggerWithParameter<TTrigger, TArg> trigger,
        TransitionActionWithArgument<TState, TTrigger, TContext, TArg> action,
        string? description = null)
    {
        RequireOwnTrigger(trigger);
        ArgumentNullException.ThrowIfNull(action);
        _definition.EntryActions.Add(new ActionDefinition<TTrigger>
        {
            Action = action,
            TakesArgument = true,
            HasTrigger = true,
            FromTrigger = trigger.Trigger,
            Description = description,
        });
        return this;
    }

    /// <summary>Run <paramref name="action"/> whenever this state is exited (and on re-entry), in declaration order.</summary>
    /// <param name="action">The action.</param>
    /// <param name="description">Optional text for diagrams, for example "stop T7".</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnExit(
        TransitionAction<TState, TTrigger, TContext> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        _definition.ExitActions.Add(new ActionDefinition<TTrigger> { Action = action, Description = description });
        return this;
    }

    /// <summary>
    /// Make this state a substate of <paramref name="superstate"/>: triggers this state does not handle are
    /// looked up in the superstate, <c>IsInState(superstate)</c> is true while in this state, and moving
    /// between substates of one superstate neither exits nor re-enters it.
    /// </summary>
    /// <param name="superstate">The enclosing state.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> SubstateOf(TState superstate)
    {
        if (_definition.HasSuperstate && !EqualityComparer<TState>.Default.Equals(_definition.Superstate, superstate))
        {
            _builder.AddDeferredError(
                $"State '{State}' is declared a substate of both '{_definition.Superstate}' and '{superstate}'; a state has one superstate.");
            return this;
        }

        _definition.HasSuperstate = true;
        _definition.Superstate = superstate;
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> Add(BehaviourDefinition<TState, TTrigger> behaviour)
    {
        _definition.Behaviours.Add(behaviour);
        return this;
    }

    private void RequireOwnTrigger<TArg>(TriggerWithParameter<TTrigger, TArg> trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (!ReferenceEquals(trigger.Owner, _builder))
        {
            throw new ArgumentException(
                $"Trigger '{trigger}' was declared by SetTriggerParameter on a different builder.", nameof(trigger));
        }
    }

    private static string RequireDescription(string guardDescription)
    {
        // Guards are anonymous static lambdas: without a description neither a diagram nor an unhandled
        // trigger report could say what was checked.
        ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
        return guardDescription;
    }
}
