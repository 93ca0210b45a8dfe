namespace Gateway.Fsm;

/// <summary>
/// A behaviour resolved for one (current state, trigger) pair: the hierarchy has been walked at build time,
/// so the exit and entry actions to run are plain arrays in execution order.
/// </summary>
internal sealed class ResolvedBehaviour<TState>
    where TState : struct, Enum
{
    public required BehaviourKind Kind { get; init; }

    public required TransitionKind TransitionKind { get; init; }

    public TState Destination { get; init; }

    public Delegate? Guard { get; init; }

    public bool GuardTakesArgument { get; init; }

    /// <summary>Exit actions of every state left, innermost state first.</summary>
    public ActionEntry[] ExitActions { get; init; } = [];

    /// <summary>Entry actions (including matching OnEntryFrom) of every state entered, outermost first.</summary>
    public ActionEntry[] EntryActions { get; init; } = [];

    /// <summary>The action of an internal transition.</summary>
    public ActionEntry InternalAction { get; init; }
}
