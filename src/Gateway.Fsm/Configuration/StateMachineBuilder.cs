namespace Gateway.Fsm;

/// <summary>
/// Collects the configuration of one machine type and compiles it, once, into an immutable
/// <see cref="StateMachine{TState, TTrigger, TContext}"/> shared by every context of that type.
/// </summary>
/// <example>
/// <code>
/// var builder = new StateMachineBuilder&lt;CallState, CallTrigger, Call&gt;(CallState.Idle);
/// var answer = builder.SetTriggerParameter&lt;AnswerInfo&gt;(CallTrigger.Anm);
/// builder.Configure(CallState.AcmReceived).SubstateOf(CallState.Setup).Permit(CallTrigger.Anm, CallState.Answered);
/// builder.Configure(CallState.Answered).OnEntryFrom(answer, static (call, in info, t) =&gt; call.Connect(info));
/// StateMachine&lt;CallState, CallTrigger, Call&gt; machine = builder.Build();
/// machine.Fire(call, answer, new AnswerInfo(...));
/// </code>
/// </example>
/// <remarks>The builder is not thread-safe; build once (for example in a static field) and share the machine.</remarks>
/// <typeparam name="TState">The state enum; values must be small and non-negative (they index a table).</typeparam>
/// <typeparam name="TTrigger">The trigger enum; values must be small and non-negative (they index a table).</typeparam>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
public sealed class StateMachineBuilder<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TContext : class, IStateful<TState>
{
    private readonly Dictionary<TState, StateConfiguration<TState, TTrigger, TContext>> _configurations = [];
    private readonly List<StateDefinition<TState, TTrigger>> _states = [];
    private readonly Dictionary<TTrigger, object> _parameterizedTriggers = [];
    private readonly List<TransitionAction<TState, TTrigger, TContext>> _observers = [];
    private readonly List<string> _deferredErrors = [];

    /// <summary>Creates a builder for a machine whose contexts start in <paramref name="initialState"/>.</summary>
    /// <param name="initialState">The state new contexts start in; reachability is checked from it.</param>
    public StateMachineBuilder(TState initialState) => InitialState = initialState;

    /// <summary>The state new contexts start in.</summary>
    public TState InitialState { get; }

    internal IReadOnlyList<StateDefinition<TState, TTrigger>> States => _states;

    internal IReadOnlyDictionary<TTrigger, object> ParameterizedTriggers => _parameterizedTriggers;

    internal IReadOnlyList<TransitionAction<TState, TTrigger, TContext>> Observers => _observers;

    internal IReadOnlyList<string> DeferredErrors => _deferredErrors;

    internal UnhandledTriggerHandler<TState, TTrigger, TContext>? UnhandledTriggerHandler { get; private set; }

    /// <summary>Begins or continues the configuration of <paramref name="state"/>.</summary>
    /// <param name="state">The state to configure.</param>
    /// <returns>The state's configuration; the same object for repeated calls.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state)
    {
        if (!_configurations.TryGetValue(state, out var configuration))
        {
            var definition = new StateDefinition<TState, TTrigger>(state);
            _states.Add(definition);
            configuration = new StateConfiguration<TState, TTrigger, TContext>(this, definition);
            _configurations.Add(state, configuration);
        }

        return configuration;
    }

    /// <summary>
    /// Declares that <paramref name="trigger"/> carries one argument of type <typeparamref name="TArg"/>.
    /// From then on the trigger must be fired with the returned object and an argument.
    /// </summary>
    /// <typeparam name="TArg">The argument type; a struct is passed by reference and never boxed.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The parameterised trigger to configure and fire with.</returns>
    /// <exception cref="InvalidOperationException">The trigger already has a parameter.</exception>
    public TriggerWithParameter<TTrigger, TArg> SetTriggerParameter<TArg>(TTrigger trigger)
    {
        if (_parameterizedTriggers.TryGetValue(trigger, out var existing))
        {
            throw new InvalidOperationException($"Trigger '{trigger}' already has a parameter: {existing}.");
        }

        var parameterized = new TriggerWithParameter<TTrigger, TArg>(trigger, this);
        _parameterizedTriggers.Add(trigger, parameterized);
        return parameterized;
    }

    /// <summary>
    /// Replaces the default policy for unhandled triggers (throwing <see cref="UnhandledTriggerException"/>)
    /// with <paramref name="handler"/>, for example to log and count them.
    /// </summary>
    /// <param name="handler">The handler; the context's state is unchanged when it runs.</param>
    /// <returns>This builder.</returns>
    public StateMachineBuilder<TState, TTrigger, TContext> OnUnhandledTrigger(UnhandledTriggerHandler<TState, TTrigger, TContext> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        UnhandledTriggerHandler = handler;
        return this;
    }

    /// <summary>
    /// Registers an observer called on every external transition and re-entry (not on internal transitions or
    /// ignored triggers), after the exit actions and the state change and before the entry actions — the
    /// same point as Stateless's <c>OnTransitioned</c>. Observers run in registration order.
    /// </summary>
    /// <param name="observer">The observer.</param>
    /// <returns>This builder.</returns>
    public StateMachineBuilder<TState, TTrigger, TContext> OnTransitioned(TransitionAction<TState, TTrigger, TContext> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer);
        return this;
    }

    /// <summary>
    /// Validates the configuration and compiles it into an immutable machine. The builder can be changed and
    /// built again afterwards without affecting machines already built.
    /// </summary>
    /// <returns>A machine that is safe to share between threads.</returns>
    /// <exception cref="StateMachineConfigurationException">
    /// The configuration is invalid: enum values that cannot index a table, a permit to the configured state
    /// itself, several behaviours for one trigger in one state that are not told apart by guards, substate
    /// cycles or conflicting superstates, or states unreachable from the initial state.
    /// </exception>
    public StateMachine<TState, TTrigger, TContext> Build() => StateMachineCompiler.Compile(this);

    internal void AddDeferredError(string error) => _deferredErrors.Add(error);
}
