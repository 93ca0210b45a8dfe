namespace Gateway.Fsm;

/// <summary>
/// One Permit/PermitIf/PermitReentry/Ignore/InternalTransition as declared on a state; kept as declared so
/// the exporters can draw exactly what was configured.
/// </summary>
internal sealed class BehaviourDefinition<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public required BehaviourKind Kind { get; init; }

    public required TTrigger Trigger { get; init; }

    /// <summary>Only meaningful for <see cref="BehaviourKind.Transition"/>.</summary>
    public TState Destination { get; init; }

    public Delegate? Guard { get; init; }

    public bool GuardTakesArgument { get; init; }

    public string? GuardDescription { get; init; }

    /// <summary>Only set for <see cref="BehaviourKind.Internal"/>.</summary>
    public Delegate? Action { get; init; }

    public bool ActionTakesArgument { get; init; }

    public string? ActionDescription { get; init; }
}
