namespace Gateway.Fsm;

/// <summary>
/// Thrown when <c>Fire</c> is called for a context from inside an action, guard, observer or unhandled
/// trigger handler that the same machine is running for the same context.
/// </summary>
/// <remarks>
/// Re-entrant firing is rejected rather than queued: queueing needs per-instance storage for the pending
/// trigger and its typed argument, and the follow-up is clearer in the caller
/// (fire the next trigger after <c>Fire</c> returns). Firing a different context, or a different machine
/// on the same context, from an action is allowed.
/// </remarks>
public sealed class ReentrantFireException : InvalidOperationException
{
    /// <summary>Creates the exception for the trigger whose firing was rejected.</summary>
    /// <param name="trigger">The trigger that was fired re-entrantly.</param>
    public ReentrantFireException(Enum trigger)
        : base($"Trigger '{trigger}' was fired re-entrantly: this machine is already firing on the same context " +
            "(from an action, guard, observer or unhandled-trigger handler). Fire the follow-up trigger after the " +
            "outer Fire returns.")
    {
        Trigger = trigger;
    }

    /// <summary>The trigger whose firing was rejected.</summary>
    public Enum Trigger { get; }
}
