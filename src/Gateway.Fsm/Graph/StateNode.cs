namespace Gateway.Fsm;

/// <summary>
/// The frozen configuration of one state as declared (behaviours are not yet flattened through the
/// hierarchy): what the compiler resolves and what the exporters draw.
/// </summary>
internal sealed class StateNode<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public StateNode(TState state, int index)
    {
        State = state;
        Index = index;
    }

    public TState State { get; }

    /// <summary>The state's integer value: its row in the transition table.</summary>
    public int Index { get; }

    public StateNode<TState, TTrigger>? Superstate { get; set; }

    /// <summary>Direct substates ordered by enum value.</summary>
    public List<StateNode<TState, TTrigger>> Substates { get; } = [];

    public BehaviourDefinition<TState, TTrigger>[] Behaviours { get; set; } = [];

    public ActionDefinition<TTrigger>[] EntryActions { get; set; } = [];

    public ActionDefinition<TTrigger>[] ExitActions { get; set; } = [];

    /// <summary>True when this node is <paramref name="ancestor"/> or lies (transitively) inside it.</summary>
    public bool IsOrDescendsFrom(StateNode<TState, TTrigger> ancestor)
    {
        for (var node = this; node is not null; node = node.Superstate)
        {
            if (ReferenceEquals(node, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => State.ToString();
}
