namespace Gateway.Fsm;

/// <summary>The mutable, builder-side record of everything configured for one state.</summary>
internal sealed class StateDefinition<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public StateDefinition(TState state) => State = state;

    public TState State { get; }

    public bool HasSuperstate { get; set; }

    public TState Superstate { get; set; }

    public List<BehaviourDefinition<TState, TTrigger>> Behaviours { get; } = [];

    public List<ActionDefinition<TTrigger>> EntryActions { get; } = [];

    public List<ActionDefinition<TTrigger>> ExitActions { get; } = [];
}
