using System.Runtime.CompilerServices;

namespace Gateway.Fsm;

/// <summary>
/// An immutable, compiled state machine shared by every context of one machine type (every call, every
/// circuit). It holds no per-context data: the state lives in the context (<see cref="IStateful{TState}"/>).
/// Built by <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Build"/>.
/// </summary>
/// <remarks>
/// <para>
/// Thread safety: the machine may be used from any number of threads at once. It takes no locks, so the
/// caller serialises <c>Fire</c> per context (one call is handled by one thread at a time).
/// </para>
/// <para>
/// Fire order for an external transition: guards (in declaration order, the current state's behaviours
/// before its superstates'), exit actions (innermost state first), the state is written to the context,
/// observers, entry actions (outermost state first). A handled Fire allocates nothing.
/// </para>
/// <para>
/// Exceptions: an exception from a guard or an exit action propagates and leaves the state unchanged
/// (exit actions already run are not undone). An exception from an observer or an entry action propagates
/// and leaves the context in the destination state, as in Stateless; the remaining observers and entry
/// actions do not run. The machine itself stays usable in every case.
/// </para>
/// <para>
/// Re-entrant Fire — calling Fire for the same context on the same machine from inside one of its actions,
/// guards, observers or its unhandled-trigger handler — throws <see cref="ReentrantFireException"/> and
/// changes nothing; fire the follow-up trigger after the outer Fire returns. Firing another context, or
/// another machine on the same context, from an action is allowed.
/// </para>
/// </remarks>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
/// <typeparam name="TContext">The object that owns the state, for example the call.</typeparam>
public sealed class StateMachine<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TContext : class, IStateful<TState>
{
    private readonly int _stateCount;
    private readonly int _triggerCount;

    // Row-major [state * _triggerCount + trigger]; null where the state has no behaviour for the trigger.
    private readonly TriggerCell<TState, TTrigger>?[] _cells;

    // [trigger] -> the TriggerWithParameter declared for it, or null. Identity tells Fire both that an
    // argument is required and that the caller's trigger object (and so TArg) belongs to this machine.
    private readonly object?[] _parameterizedTriggers;

    // [state * _stateCount + other] -> state is other or a substate of it, for IsInState.
    private readonly bool[] _inclusion;

    private readonly TransitionAction<TState, TTrigger, TContext>[] _observers;
    private readonly UnhandledTriggerHandler<TState, TTrigger, TContext>? _unhandledTriggerHandler;

    internal StateMachine(
        StateGraph<TState, TTrigger> graph,
        int triggerCount,
        TriggerCell<TState, TTrigger>?[] cells,
        object?[] parameterizedTriggers,
        bool[] inclusion,
        TransitionAction<TState, TTrigger, TContext>[] observers,
        UnhandledTriggerHandler<TState, TTrigger, TContext>? unhandledTriggerHandler)
    {
        Graph = graph;
        _stateCount = graph.NodesByIndex.Length;
        _triggerCount = triggerCount;
        _cells = cells;
        _parameterizedTriggers = parameterizedTriggers;
        _inclusion = inclusion;
        _observers = observers;
        _unhandledTriggerHandler = unhandledTriggerHandler;
    }

    /// <summary>The state new contexts should start in (set it in the context's constructor).</summary>
    public TState InitialState => Graph.InitialState;

    internal StateGraph<TState, TTrigger> Graph { get; }

    /// <summary>Fires an argument-less trigger on <paramref name="context"/>.</summary>
    /// <param name="context">The context whose state is read and, on a transition, written.</param>
    /// <param name="trigger">The trigger.</param>
    /// <exception cref="UnhandledTriggerException">
    /// The trigger is not handled in the current state and no <c>OnUnhandledTrigger</c> handler is configured.
    /// </exception>
    /// <exception cref="ReentrantFireException">Called from inside a Fire of this machine on the same context.</exception>
    /// <exception cref="ArgumentException">The trigger was declared with <c>SetTriggerParameter</c> and needs an argument.</exception>
    public void Fire(TContext context, TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(context);
        uint triggerIndex = EnumIndex<TTrigger>.ToIndex(trigger);
        if (triggerIndex < (uint)_triggerCount && _parameterizedTriggers[triggerIndex] is not null)
        {
            ThrowArgumentRequired(trigger);
        }

        FireCore(context, trigger, triggerIndex, default(NoArgument));
    }

    /// <summary>
    /// Fires a parameterised trigger on <paramref name="context"/>; <paramref name="argument"/> reaches the
    /// guards and actions by reference, so a struct argument is neither copied nor boxed.
    /// </summary>
    /// <typeparam name="TArg">The trigger's argument type.</typeparam>
    /// <param name="context">The context whose state is read and, on a transition, written.</param>
    /// <param name="trigger">The parameterised trigger from this machine's builder.</param>
    /// <param name="argument">The argument.</param>
    /// <exception cref="UnhandledTriggerException">
    /// The trigger is not handled in the current state and no <c>OnUnhandledTrigger</c> handler is configured.
    /// </exception>
    /// <exception cref="ReentrantFireException">Called from inside a Fire of this machine on the same context.</exception>
    /// <exception cref="ArgumentException">The trigger object was declared by another builder.</exception>
    public void Fire<TArg>(TContext context, TriggerWithParameter<TTrigger, TArg> trigger, in TArg argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        uint triggerIndex = CheckOwnTrigger(trigger);
        FireCore(context, trigger.Trigger, triggerIndex, in argument);
    }

    /// <summary>
    /// True if firing <paramref name="trigger"/> now would be handled (a transition, re-entry, internal
    /// transition or an ignore whose guard holds) rather than reach the unhandled-trigger policy.
    /// Runs guards, no actions.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="trigger">An argument-less trigger.</param>
    /// <returns>True if the trigger would be handled.</returns>
    /// <exception cref="ArgumentException">The trigger needs an argument; use the overload that takes one.</exception>
    public bool CanFire(TContext context, TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(context);
        uint triggerIndex = EnumIndex<TTrigger>.ToIndex(trigger);
        if (triggerIndex < (uint)_triggerCount && _parameterizedTriggers[triggerIndex] is not null)
        {
            ThrowArgumentRequired(trigger);
        }

        return FindBehaviour(context, context.State, triggerIndex, default(NoArgument), out _) is not null;
    }

    /// <summary>As <see cref="CanFire(TContext, TTrigger)"/> for a parameterised trigger and a candidate argument.</summary>
    /// <typeparam name="TArg">The trigger's argument type.</typeparam>
    /// <param name="context">The context.</param>
    /// <param name="trigger">The parameterised trigger from this machine's builder.</param>
    /// <param name="argument">The argument the guards are evaluated with.</param>
    /// <returns>True if the trigger would be handled.</returns>
    public bool CanFire<TArg>(TContext context, TriggerWithParameter<TTrigger, TArg> trigger, in TArg argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        uint triggerIndex = CheckOwnTrigger(trigger);
        return FindBehaviour(context, context.State, triggerIndex, in argument, out _) is not null;
    }

    /// <summary>
    /// True if the context is in <paramref name="state"/> or in one of its substates (so a call in
    /// <c>IamSent</c>, a substate of <c>Setup</c>, is in <c>Setup</c>).
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="state">The state to test.</param>
    /// <returns>True if the current state is <paramref name="state"/> or lies inside it.</returns>
    public bool IsInState(TContext context, TState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        TState current = context.State;
        if (EqualityComparer<TState>.Default.Equals(current, state))
        {
            return true;
        }

        uint currentIndex = EnumIndex<TState>.ToIndex(current);
        uint stateIndex = EnumIndex<TState>.ToIndex(state);
        return currentIndex < (uint)_stateCount
            && stateIndex < (uint)_stateCount
            && _inclusion[(currentIndex * (uint)_stateCount) + stateIndex];
    }

    /// <summary>
    /// The triggers <see cref="CanFire(TContext, TTrigger)"/> would accept in the current state, ordered by
    /// enum value. Guards on a trigger's argument cannot be evaluated without one, so a parameterised trigger
    /// is listed if any of its behaviours has such a guard. Allocates; meant for diagnostics and UIs.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <returns>The permitted triggers.</returns>
    public IReadOnlyList<TTrigger> GetPermittedTriggers(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var permitted = new List<TTrigger>();
        uint stateIndex = EnumIndex<TState>.ToIndex(context.State);
        if (stateIndex >= (uint)_stateCount)
        {
            return permitted;
        }

        for (int triggerIndex = 0; triggerIndex < _triggerCount; triggerIndex++)
        {
            var cell = _cells[((int)stateIndex * _triggerCount) + triggerIndex];
            if (cell is null)
            {
                continue;
            }

            foreach (var candidate in cell.Candidates)
            {
                if (candidate.Guard is null
                    || candidate.GuardTakesArgument
                    || Unsafe.As<TransitionGuard<TContext>>(candidate.Guard)(context))
                {
                    permitted.Add(cell.Trigger);
                    break;
                }
            }
        }

        return permitted;
    }

    /// <summary>
    /// The configured graph as Graphviz DOT: superstates are clusters; edges are labelled
    /// "Trigger [guard]"; entry/exit actions, internal transitions and ignored triggers are listed inside
    /// their state. The output is deterministic (states by enum value, behaviours in declaration order).
    /// </summary>
    /// <returns>DOT text with '\n' line endings.</returns>
    public string ToDotGraph() => DotGraphExporter.Export(Graph);

    /// <summary>
    /// The configured graph as a Mermaid <c>stateDiagram-v2</c>: superstates are composite states, with the
    /// same labels and ordering as <see cref="ToDotGraph"/>.
    /// </summary>
    /// <returns>Mermaid text with '\n' line endings.</returns>
    public string ToMermaid() => MermaidExporter.Export(Graph);

    private void FireCore<TArg>(TContext context, TTrigger trigger, uint triggerIndex, in TArg argument)
    {
        if (!ActiveFirings.TryEnter(this, context))
        {
            throw new ReentrantFireException(trigger);
        }

        try
        {
            TState source = context.State;
            var behaviour = FindBehaviour(context, source, triggerIndex, in argument, out var cell);
            if (behaviour is null)
            {
                ReportUnhandled(context, source, trigger, cell);
                return;
            }

            switch (behaviour.Kind)
            {
                case BehaviourKind.Ignore:
                    return;
                case BehaviourKind.Internal:
                    Run(behaviour.InternalAction, context, in argument, new Transition<TState, TTrigger>(source, source, trigger, TransitionKind.Internal));
                    return;
                default:
                    var transition = new Transition<TState, TTrigger>(source, behaviour.Destination, trigger, behaviour.TransitionKind);
                    RunAll(behaviour.ExitActions, context, in argument, transition);
                    context.State = behaviour.Destination;
                    var observers = _observers;
                    for (int i = 0; i < observers.Length; i++)
                    {
                        observers[i](context, transition);
                    }

                    RunAll(behaviour.EntryActions, context, in argument, transition);
                    return;
            }
        }
        finally
        {
            ActiveFirings.Exit();
        }
    }

    private ResolvedBehaviour<TState>? FindBehaviour<TArg>(
        TContext context, TState state, uint triggerIndex, in TArg argument, out TriggerCell<TState, TTrigger>? cell)
    {
        uint stateIndex = EnumIndex<TState>.ToIndex(state);
        cell = stateIndex < (uint)_stateCount && triggerIndex < (uint)_triggerCount
            ? _cells[(stateIndex * (uint)_triggerCount) + triggerIndex]
            : null;
        if (cell is null)
        {
            return null;
        }

        var candidates = cell.Candidates;
        for (int i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            if (candidate.Guard is null || GuardHolds(candidate, context, in argument))
            {
                return candidate;
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool GuardHolds<TArg>(ResolvedBehaviour<TState> candidate, TContext context, in TArg argument) =>
        // The builder only attaches argument guards to the trigger declared with that TArg, and Fire checked
        // the trigger object's identity, so the delegate type is known and needs no runtime cast.
        candidate.GuardTakesArgument
            ? Unsafe.As<TransitionGuardWithArgument<TContext, TArg>>(candidate.Guard!)(context, in argument)
            : Unsafe.As<TransitionGuard<TContext>>(candidate.Guard!)(context);

    private static void RunAll<TArg>(ActionEntry[] actions, TContext context, in TArg argument, Transition<TState, TTrigger> transition)
    {
        for (int i = 0; i < actions.Length; i++)
        {
            Run(actions[i], context, in argument, transition);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Run<TArg>(in ActionEntry action, TContext context, in TArg argument, Transition<TState, TTrigger> transition)
    {
        // Same reasoning as GuardHolds: argument-taking actions only sit in cells of their own trigger.
        if (action.TakesArgument)
        {
            Unsafe.As<TransitionActionWithArgument<TState, TTrigger, TContext, TArg>>(action.Action)(context, in argument, transition);
        }
        else
        {
            Unsafe.As<TransitionAction<TState, TTrigger, TContext>>(action.Action)(context, transition);
        }
    }

    private void ReportUnhandled(TContext context, TState state, TTrigger trigger, TriggerCell<TState, TTrigger>? cell)
    {
        string[] unmetGuards = cell?.GuardDescriptions ?? [];
        if (_unhandledTriggerHandler is not null)
        {
            _unhandledTriggerHandler(context, state, trigger, unmetGuards);
            return;
        }

        throw new UnhandledTriggerException(state, trigger, unmetGuards.Length == 0 ? [] : (string[])unmetGuards.Clone());
    }

    private uint CheckOwnTrigger<TArg>(TriggerWithParameter<TTrigger, TArg> trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        uint triggerIndex = EnumIndex<TTrigger>.ToIndex(trigger.Trigger);
        if (triggerIndex >= (uint)_triggerCount || !ReferenceEquals(_parameterizedTriggers[triggerIndex], trigger))
        {
            throw new ArgumentException(
                $"Trigger '{trigger}' was not declared by the builder of this machine.", nameof(trigger));
        }

        return triggerIndex;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowArgumentRequired(TTrigger trigger) =>
        throw new ArgumentException(
            $"Trigger '{trigger}' takes an argument ({_parameterizedTriggers[EnumIndex<TTrigger>.ToIndex(trigger)]}); " +
            "fire it with the TriggerWithParameter returned by SetTriggerParameter.",
            nameof(trigger));
}
