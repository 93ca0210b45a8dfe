namespace Gateway.Fsm;

/// <summary>An entry or exit action as declared on a state.</summary>
internal sealed class ActionDefinition<TTrigger>
    where TTrigger : struct, Enum
{
    public required Delegate Action { get; init; }

    public bool TakesArgument { get; init; }

    /// <summary>True for OnEntryFrom: the action runs only when the state is entered by <see cref="FromTrigger"/>.</summary>
    public bool HasTrigger { get; init; }

    public TTrigger FromTrigger { get; init; }

    public string? Description { get; init; }
}
