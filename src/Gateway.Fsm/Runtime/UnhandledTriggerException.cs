namespace Gateway.Fsm;

/// <summary>
/// Thrown by <c>Fire</c> when the trigger has no behaviour in the current state or its superstates (or
/// every guard for it is false) and the machine has no <c>OnUnhandledTrigger</c> handler.
/// The context's state is unchanged.
/// </summary>
public sealed class UnhandledTriggerException : InvalidOperationException
{
    /// <summary>Creates the exception for a state, trigger and the guards that were false.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">The trigger that was not handled.</param>
    /// <param name="unmetGuards">Descriptions of the guards that were evaluated and false.</param>
    public UnhandledTriggerException(Enum state, Enum trigger, IReadOnlyList<string> unmetGuards)
        : base(FormatMessage(state, trigger, unmetGuards))
    {
        State = state;
        Trigger = trigger;
        UnmetGuards = unmetGuards;
    }

    /// <summary>The state the machine was in.</summary>
    public Enum State { get; }

    /// <summary>The trigger that was not handled.</summary>
    public Enum Trigger { get; }

    /// <summary>Descriptions of the guards that were evaluated and false; empty when no behaviour exists.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    private static string FormatMessage(Enum state, Enum trigger, IReadOnlyList<string> unmetGuards)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(unmetGuards);
        if (unmetGuards.Count == 0)
        {
            return $"Trigger '{trigger}' is not permitted in state '{state}' ({state.GetType().Name}).";
        }

        return $"Trigger '{trigger}' is not permitted in state '{state}' ({state.GetType().Name}): " +
            $"unmet guard(s): {string.Join(", ", unmetGuards)}.";
    }
}
