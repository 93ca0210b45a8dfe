namespace Gateway.Benchmarks.Fsm.Naive;

/// <summary>
/// A deliberately simple Stateless-like machine, the comparison point for Gateway.Fsm: each instance owns
/// its graph (dictionaries of lists of delegates), arguments travel boxed in an object[], and every Fire
/// allocates a transition object. Hierarchy follows the same entry/exit rules, found by walking the
/// superstate dictionary at Fire time. Not for production use.
/// </summary>
public sealed class NaiveStateMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, List<NaiveTransitionRule<TState, TTrigger>>> _rules = [];
    private readonly Dictionary<TState, List<Action<NaiveTransition<TState, TTrigger>>>> _entryActions = [];
    private readonly Dictionary<TState, List<Action<NaiveTransition<TState, TTrigger>>>> _exitActions = [];
    private readonly Dictionary<TState, TState> _superstates = [];

    public NaiveStateMachine(TState initialState) => State = initialState;

    public TState State { get; private set; }

    public void Permit(TState source, TTrigger trigger, TState destination, Func<object[], bool>? guard = null) =>
        ListFor(_rules, source).Add(new NaiveTransitionRule<TState, TTrigger>(trigger, destination, guard));

    public void OnEntry(TState state, Action<NaiveTransition<TState, TTrigger>> action) => ListFor(_entryActions, state).Add(action);

    public void OnExit(TState state, Action<NaiveTransition<TState, TTrigger>> action) => ListFor(_exitActions, state).Add(action);

    public void SubstateOf(TState state, TState superstate) => _superstates[state] = superstate;

    public void Fire(TTrigger trigger, params object[] arguments)
    {
        var rule = FindRule(State, trigger, arguments)
            ?? throw new InvalidOperationException($"Trigger {trigger} is not permitted in state {State}.");
        var transition = new NaiveTransition<TState, TTrigger>(State, rule.Destination, trigger, arguments);

        for (TState? state = State; state is { } exiting && !Includes(exiting, rule.Destination); state = Parent(exiting))
        {
            Run(_exitActions, exiting, transition);
        }

        var entered = new Stack<TState>();
        for (TState? state = rule.Destination; state is { } entering && !Includes(entering, transition.Source); state = Parent(entering))
        {
            entered.Push(entering);
        }

        State = rule.Destination;
        foreach (var state in entered)
        {
            Run(_entryActions, state, transition);
        }
    }

    private NaiveTransitionRule<TState, TTrigger>? FindRule(TState state, TTrigger trigger, object[] arguments)
    {
        for (TState? current = state; current is { } candidate; current = Parent(candidate))
        {
            if (!_rules.TryGetValue(candidate, out var rules))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                if (EqualityComparer<TTrigger>.Default.Equals(rule.Trigger, trigger) && (rule.Guard is null || rule.Guard(arguments)))
                {
                    return rule;
                }
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="other"/> is <paramref name="state"/> or one of its substates.</summary>
    private bool Includes(TState state, TState other)
    {
        for (TState? current = other; current is { } candidate; current = Parent(candidate))
        {
            if (EqualityComparer<TState>.Default.Equals(candidate, state))
            {
                return true;
            }
        }

        return false;
    }

    private TState? Parent(TState state) => _superstates.TryGetValue(state, out var parent) ? parent : null;

    private static void Run(
        Dictionary<TState, List<Action<NaiveTransition<TState, TTrigger>>>> actions, TState state, NaiveTransition<TState, TTrigger> transition)
    {
        if (actions.TryGetValue(state, out var list))
        {
            foreach (var action in list)
            {
                action(transition);
            }
        }
    }

    private static List<T> ListFor<T>(Dictionary<TState, List<T>> lists, TState state)
    {
        if (!lists.TryGetValue(state, out var list))
        {
            list = [];
            lists.Add(state, list);
        }

        return list;
    }
}
