namespace Gateway.Fsm;

/// <summary>
/// Describes the transition in progress; passed by value to actions and observers (it is a small struct,
/// so describing a transition never allocates).
/// </summary>
/// <typeparam name="TState">The state enum.</typeparam>
/// <typeparam name="TTrigger">The trigger enum.</typeparam>
public readonly struct Transition<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>Creates a transition description.</summary>
    /// <param name="source">The state the machine was in when the trigger was fired.</param>
    /// <param name="destination">The state the machine is in once the transition completes.</param>
    /// <param name="trigger">The trigger that caused the transition.</param>
    /// <param name="kind">Whether the transition changes state, re-enters it, or stays inside it.</param>
    public Transition(TState source, TState destination, TTrigger trigger, TransitionKind kind)
    {
        Source = source;
        Destination = destination;
        Trigger = trigger;
        Kind = kind;
    }

    /// <summary>The state the machine was in when the trigger was fired (the innermost state).</summary>
    public TState Source { get; }

    /// <summary>The state the machine is in once the transition completes.</summary>
    public TState Destination { get; }

    /// <summary>The trigger that caused the transition.</summary>
    public TTrigger Trigger { get; }

    /// <summary>Whether the transition changes state, re-enters it, or stays inside it.</summary>
    public TransitionKind Kind { get; }

    /// <summary>True when the state is exited and entered again (<see cref="TransitionKind.Reentry"/>).</summary>
    public bool IsReentry => Kind == TransitionKind.Reentry;

    /// <summary>True for an internal transition, which runs no exit or entry actions.</summary>
    public bool IsInternal => Kind == TransitionKind.Internal;

    /// <inheritdoc/>
    public override string ToString() => $"{Source} --{Trigger}--> {Destination} ({Kind})";
}
