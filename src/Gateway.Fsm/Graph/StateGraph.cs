namespace Gateway.Fsm;

/// <summary>
/// The frozen, declared configuration of a machine: every state that was configured or named (as initial
/// state, destination or superstate), ordered by enum value so exports are deterministic.
/// </summary>
internal sealed class StateGraph<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public StateGraph(TState initialState, StateNode<TState, TTrigger>[] nodes, int stateCount)
    {
        InitialState = initialState;
        Nodes = nodes;
        NodesByIndex = new StateNode<TState, TTrigger>?[stateCount];
        foreach (var node in nodes)
        {
            NodesByIndex[node.Index] = node;
        }
    }

    public TState InitialState { get; }

    /// <summary>All named states, ordered by enum value.</summary>
    public StateNode<TState, TTrigger>[] Nodes { get; }

    /// <summary>Nodes indexed by enum value; null for values never named in the configuration.</summary>
    public StateNode<TState, TTrigger>?[] NodesByIndex { get; }

    public StateNode<TState, TTrigger> NodeOf(TState state) =>
        NodesByIndex[(int)EnumIndex<TState>.ToIndex(state)]
        ?? throw new InvalidOperationException($"State '{state}' is not part of the graph.");
}
