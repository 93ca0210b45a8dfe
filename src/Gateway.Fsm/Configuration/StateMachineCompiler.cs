using System.Globalization;

namespace Gateway.Fsm;

/// <summary>
/// Validates a builder's configuration and compiles it into the dense transition table a
/// <see cref="StateMachine{TState, TTrigger, TContext}"/> runs on. All the hierarchy walking happens here,
/// once per machine type, so Fire only indexes arrays.
/// </summary>
internal static class StateMachineCompiler
{
    /// <summary>
    /// The largest state or trigger value accepted. Values index arrays of (states × triggers) cells, so they
    /// must be small; 1023 leaves room for any hand-written protocol enum while bounding the table.
    /// </summary>
    public const long MaxEnumValue = 1023;

    public static StateMachine<TState, TTrigger, TContext> Compile<TState, TTrigger, TContext>(
        StateMachineBuilder<TState, TTrigger, TContext> builder)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TContext : class, IStateful<TState>
    {
        string machineName = typeof(TState).Name;
        var errors = new List<string>(builder.DeferredErrors);

        int stateCount = CheckEnumValues(MentionedStates(builder), errors);
        int triggerCount = CheckEnumValues(MentionedTriggers(builder), errors);
        ThrowIfAny(machineName, errors);

        CheckSuperstateCycles(builder, errors);
        foreach (var definition in builder.States)
        {
            CheckBehaviours(definition, errors);
        }

        ThrowIfAny(machineName, errors);

        var graph = CreateGraph(builder, stateCount);
        CheckReachability(graph, errors);
        ThrowIfAny(machineName, errors);

        var parameterizedTriggers = new object?[triggerCount];
        foreach (var (trigger, parameterized) in builder.ParameterizedTriggers)
        {
            parameterizedTriggers[EnumIndex<TTrigger>.ToIndex(trigger)] = parameterized;
        }

        return new StateMachine<TState, TTrigger, TContext>(
            graph,
            triggerCount,
            CompileCells(graph, stateCount, triggerCount),
            parameterizedTriggers,
            CompileInclusion(graph, stateCount),
            [.. builder.Observers],
            builder.UnhandledTriggerHandler);
    }

    private static IEnumerable<TState> MentionedStates<TState, TTrigger, TContext>(StateMachineBuilder<TState, TTrigger, TContext> builder)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TContext : class, IStateful<TState>
    {
        yield return builder.InitialState;
        foreach (var definition in builder.States)
        {
            yield return definition.State;
            if (definition.HasSuperstate)
            {
                yield return definition.Superstate;
            }

            foreach (var behaviour in definition.Behaviours)
            {
                // Other kinds leave Destination at its default, which must not count as naming a state.
                if (behaviour.Kind == BehaviourKind.Transition)
                {
                    yield return behaviour.Destination;
                }
            }
        }
    }

    private static IEnumerable<TTrigger> MentionedTriggers<TState, TTrigger, TContext>(StateMachineBuilder<TState, TTrigger, TContext> builder)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TContext : class, IStateful<TState>
    {
        foreach (var trigger in builder.ParameterizedTriggers.Keys)
        {
            yield return trigger;
        }

        foreach (var definition in builder.States)
        {
            foreach (var behaviour in definition.Behaviours)
            {
                yield return behaviour.Trigger;
            }

            foreach (var action in definition.EntryActions)
            {
                if (action.HasTrigger)
                {
                    yield return action.FromTrigger;
                }
            }
        }
    }

    /// <summary>Checks every declared and every used value fits the table; returns the table width.</summary>
    private static int CheckEnumValues<TEnum>(IEnumerable<TEnum> used, List<string> errors)
        where TEnum : struct, Enum
    {
        long max = -1;
        var reported = new HashSet<long>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            max = Math.Max(max, CheckEnumValue(value, reported, errors));
        }

        foreach (var value in used)
        {
            max = Math.Max(max, CheckEnumValue(value, reported, errors));
        }

        return (int)(max + 1);
    }

    /// <summary>The value as a table index, or -1 (after recording an error) if it cannot be one.</summary>
    private static long CheckEnumValue<TEnum>(TEnum value, HashSet<long> reported, List<string> errors)
        where TEnum : struct, Enum
    {
        long number = ToInt64(value);
        if (number >= 0 && number <= MaxEnumValue)
        {
            return number;
        }

        if (reported.Add(number))
        {
            errors.Add(
                $"{typeof(TEnum).Name}.{value} has the value {number.ToString(CultureInfo.InvariantCulture)}; " +
                $"state and trigger values index a table and must be between 0 and {MaxEnumValue}.");
        }

        return -1;
    }

    private static long ToInt64<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        try
        {
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            // A ulong-backed value above long.MaxValue: certainly too large.
            return long.MaxValue;
        }
    }

    private static void CheckSuperstateCycles<TState, TTrigger, TContext>(
        StateMachineBuilder<TState, TTrigger, TContext> builder, List<string> errors)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TContext : class, IStateful<TState>
    {
        var superstateOf = new Dictionary<TState, TState>();
        foreach (var definition in builder.States)
        {
            if (definition.HasSuperstate)
            {
                superstateOf[definition.State] = definition.Superstate;
            }
        }

        var inReportedCycle = new HashSet<TState>();
        foreach (var definition in builder.States)
        {
            if (!definition.HasSuperstate || inReportedCycle.Contains(definition.State))
            {
                continue;
            }

            // Walk up from the state; coming back to it is a cycle through it. A cycle further up that does
            // not pass through this state is reported from one of its own members.
            var path = new List<TState> { definition.State };
            var current = definition.State;
            while (superstateOf.TryGetValue(current, out var parent) && path.Count <= superstateOf.Count)
            {
                path.Add(parent);
                if (EqualityComparer<TState>.Default.Equals(parent, definition.State))
                {
                    inReportedCycle.UnionWith(path);
                    errors.Add($"Substate cycle: {string.Join(" -> ", path)}; SubstateOf must form a tree.");
                    break;
                }

                current = parent;
            }
        }
    }

    private static void CheckBehaviours<TState, TTrigger>(StateDefinition<TState, TTrigger> definition, List<string> errors)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var byTrigger = new Dictionary<TTrigger, List<BehaviourDefinition<TState, TTrigger>>>();
        var triggerOrder = new List<TTrigger>();
        foreach (var behaviour in definition.Behaviours)
        {
            if (behaviour.Kind == BehaviourKind.Transition
                && EqualityComparer<TState>.Default.Equals(behaviour.Destination, definition.State))
            {
                errors.Add(
                    $"State '{definition.State}': Permit({behaviour.Trigger}) targets the state itself; use PermitReentry " +
                    "to run its exit and entry actions, InternalTransition to run an action only, or Ignore.");
            }

            if (!byTrigger.TryGetValue(behaviour.Trigger, out var sameTrigger))
            {
                sameTrigger = [];
                byTrigger.Add(behaviour.Trigger, sameTrigger);
                triggerOrder.Add(behaviour.Trigger);
            }

            sameTrigger.Add(behaviour);
        }

        foreach (var trigger in triggerOrder)
        {
            var sameTrigger = byTrigger[trigger];
            if (sameTrigger.Count < 2)
            {
                continue;
            }

            int unguarded = 0;
            var descriptions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var behaviour in sameTrigger)
            {
                if (behaviour.GuardDescription is null)
                {
                    unguarded++;
                }
                else if (!descriptions.Add(behaviour.GuardDescription))
                {
                    errors.Add(
                        $"State '{definition.State}': trigger '{trigger}' has two behaviours guarded by " +
                        $"'{behaviour.GuardDescription}'; guards for one trigger must be told apart by their descriptions.");
                }
            }

            if (unguarded > 0)
            {
                errors.Add(
                    $"State '{definition.State}': trigger '{trigger}' has {sameTrigger.Count} behaviours and " +
                    $"{unguarded} without a guard, so which one applies is ambiguous; keep one, or guard each with " +
                    "PermitIf/PermitReentryIf/IgnoreIf.");
            }
        }
    }

    private static StateGraph<TState, TTrigger> CreateGraph<TState, TTrigger, TContext>(
        StateMachineBuilder<TState, TTrigger, TContext> builder, int stateCount)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TContext : class, IStateful<TState>
    {
        var byIndex = new StateNode<TState, TTrigger>?[stateCount];
        foreach (var state in MentionedStates(builder))
        {
            int index = (int)EnumIndex<TState>.ToIndex(state);
            byIndex[index] ??= new StateNode<TState, TTrigger>(state, index);
        }

        foreach (var definition in builder.States)
        {
            var node = byIndex[EnumIndex<TState>.ToIndex(definition.State)]!;
            node.Behaviours = [.. definition.Behaviours];
            node.EntryActions = [.. definition.EntryActions];
            node.ExitActions = [.. definition.ExitActions];
            if (definition.HasSuperstate)
            {
                node.Superstate = byIndex[EnumIndex<TState>.ToIndex(definition.Superstate)]!;
            }
        }

        var nodes = new List<StateNode<TState, TTrigger>>();
        foreach (var node in byIndex)
        {
            if (node is not null)
            {
                nodes.Add(node);
                node.Superstate?.Substates.Add(node);
            }
        }

        return new StateGraph<TState, TTrigger>(builder.InitialState, [.. nodes], stateCount);
    }

    private static void CheckReachability<TState, TTrigger>(StateGraph<TState, TTrigger> graph, List<string> errors)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var reachable = new bool[graph.NodesByIndex.Length];
        var pending = new Queue<StateNode<TState, TTrigger>>();
        var initial = graph.NodeOf(graph.InitialState);
        reachable[initial.Index] = true;
        pending.Enqueue(initial);
        while (pending.Count > 0)
        {
            // Being in a state means being in its superstates too, so their transitions apply as well.
            for (var node = pending.Dequeue(); node is not null; node = node.Superstate)
            {
                foreach (var behaviour in node.Behaviours)
                {
                    if (behaviour.Kind != BehaviourKind.Transition)
                    {
                        continue;
                    }

                    var destination = graph.NodeOf(behaviour.Destination);
                    if (!reachable[destination.Index])
                    {
                        reachable[destination.Index] = true;
                        pending.Enqueue(destination);
                    }
                }
            }
        }

        foreach (var node in graph.Nodes)
        {
            if (!reachable[node.Index])
            {
                continue;
            }

            for (var ancestor = node.Superstate; ancestor is not null; ancestor = ancestor.Superstate)
            {
                reachable[ancestor.Index] = true;
            }
        }

        foreach (var node in graph.Nodes)
        {
            if (!reachable[node.Index])
            {
                errors.Add(
                    $"State '{node.State}' is unreachable from the initial state '{graph.InitialState}': " +
                    "no transition leads to it or to one of its substates.");
            }
        }
    }

    private static TriggerCell<TState, TTrigger>?[] CompileCells<TState, TTrigger>(
        StateGraph<TState, TTrigger> graph, int stateCount, int triggerCount)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var cells = new TriggerCell<TState, TTrigger>?[stateCount * triggerCount];
        var candidates = new List<ResolvedBehaviour<TState>>();
        var guardDescriptions = new List<string>();
        foreach (var node in graph.Nodes)
        {
            for (int triggerIndex = 0; triggerIndex < triggerCount; triggerIndex++)
            {
                candidates.Clear();
                guardDescriptions.Clear();
                TTrigger trigger = default;
                for (var declaring = node; declaring is not null; declaring = declaring.Superstate)
                {
                    foreach (var behaviour in declaring.Behaviours)
                    {
                        if (EnumIndex<TTrigger>.ToIndex(behaviour.Trigger) != triggerIndex)
                        {
                            continue;
                        }

                        trigger = behaviour.Trigger;
                        candidates.Add(Resolve(graph, node, declaring, behaviour));
                        if (behaviour.GuardDescription is not null)
                        {
                            guardDescriptions.Add(behaviour.GuardDescription);
                        }
                    }
                }

                if (candidates.Count > 0)
                {
                    cells[(node.Index * triggerCount) + triggerIndex] =
                        new TriggerCell<TState, TTrigger>(trigger, [.. candidates], [.. guardDescriptions]);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// Resolves a behaviour declared on <paramref name="declaring"/> (the current state or a superstate) for a
    /// machine currently in <paramref name="current"/>, with Stateless's entry/exit rules.
    /// </summary>
    private static ResolvedBehaviour<TState> Resolve<TState, TTrigger>(
        StateGraph<TState, TTrigger> graph,
        StateNode<TState, TTrigger> current,
        StateNode<TState, TTrigger> declaring,
        BehaviourDefinition<TState, TTrigger> behaviour)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        switch (behaviour.Kind)
        {
            case BehaviourKind.Ignore:
                return new ResolvedBehaviour<TState>
                {
                    Kind = BehaviourKind.Ignore,
                    TransitionKind = TransitionKind.Internal,
                    Destination = current.State,
                    Guard = behaviour.Guard,
                    GuardTakesArgument = behaviour.GuardTakesArgument,
                };
            case BehaviourKind.Internal:
                return new ResolvedBehaviour<TState>
                {
                    Kind = BehaviourKind.Internal,
                    TransitionKind = TransitionKind.Internal,
                    Destination = current.State,
                    Guard = behaviour.Guard,
                    GuardTakesArgument = behaviour.GuardTakesArgument,
                    InternalAction = new ActionEntry(behaviour.Action!, behaviour.ActionTakesArgument),
                };
        }

        var exits = new List<ActionEntry>();
        var entered = new List<StateNode<TState, TTrigger>>();
        StateNode<TState, TTrigger> destination;
        TransitionKind kind;
        if (behaviour.Kind == BehaviourKind.Reentry)
        {
            // Re-entering the declaring state from inside it: leave everything up to and including it, then
            // enter it again (Stateless exits the final superstate of a re-entry too).
            destination = declaring;
            kind = TransitionKind.Reentry;
            for (var node = current; ; node = node.Superstate!)
            {
                AddActions(exits, node.ExitActions);
                if (ReferenceEquals(node, declaring))
                {
                    break;
                }
            }

            entered.Add(declaring);
        }
        else
        {
            destination = graph.NodeOf(behaviour.Destination);
            if (ReferenceEquals(destination, current))
            {
                // A superstate's Permit that leads back to the current substate: Stateless treats a transition
                // whose source equals its destination as a re-entry of that state alone.
                kind = TransitionKind.Reentry;
                AddActions(exits, current.ExitActions);
                entered.Add(current);
            }
            else
            {
                // Leave states up to (not including) the closest one that also contains the destination; enter
                // from below the closest one that also contains the source. Moving between siblings therefore
                // neither exits nor enters their common superstate.
                kind = TransitionKind.External;
                for (var node = current; node is not null && !destination.IsOrDescendsFrom(node); node = node.Superstate)
                {
                    AddActions(exits, node.ExitActions);
                }

                for (var node = destination; node is not null && !current.IsOrDescendsFrom(node); node = node.Superstate)
                {
                    entered.Add(node);
                }

                entered.Reverse();
            }
        }

        var entries = new List<ActionEntry>();
        foreach (var node in entered)
        {
            foreach (var action in node.EntryActions)
            {
                if (!action.HasTrigger || EqualityComparer<TTrigger>.Default.Equals(action.FromTrigger, behaviour.Trigger))
                {
                    entries.Add(new ActionEntry(action.Action, action.TakesArgument));
                }
            }
        }

        return new ResolvedBehaviour<TState>
        {
            Kind = behaviour.Kind,
            TransitionKind = kind,
            Destination = destination.State,
            Guard = behaviour.Guard,
            GuardTakesArgument = behaviour.GuardTakesArgument,
            ExitActions = [.. exits],
            EntryActions = [.. entries],
        };
    }

    private static void AddActions<TTrigger>(List<ActionEntry> target, ActionDefinition<TTrigger>[] actions)
        where TTrigger : struct, Enum
    {
        foreach (var action in actions)
        {
            target.Add(new ActionEntry(action.Action, action.TakesArgument));
        }
    }

    private static bool[] CompileInclusion<TState, TTrigger>(StateGraph<TState, TTrigger> graph, int stateCount)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var inclusion = new bool[stateCount * stateCount];
        foreach (var node in graph.Nodes)
        {
            for (var ancestor = node; ancestor is not null; ancestor = ancestor.Superstate)
            {
                inclusion[(node.Index * stateCount) + ancestor.Index] = true;
            }
        }

        return inclusion;
    }

    private static void ThrowIfAny(string machineName, List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new StateMachineConfigurationException(machineName, [.. errors]);
        }
    }
}
