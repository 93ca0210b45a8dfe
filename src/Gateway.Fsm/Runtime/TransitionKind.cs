namespace Gateway.Fsm;

/// <summary>What kind of handled trigger a <see cref="Transition{TState, TTrigger}"/> describes.</summary>
public enum TransitionKind
{
    /// <summary>A change of state: exit actions, then the new state, then entry actions.</summary>
    External = 0,

    /// <summary>Leaving and re-entering the same state: its exit and entry actions both run.</summary>
    Reentry = 1,

    /// <summary>An action that runs without leaving the state: no exit or entry actions.</summary>
    Internal = 2,
}
