namespace Gateway.Fsm;

/// <summary>One cell of the transition table: what a state does with one trigger.</summary>
internal sealed class TriggerCell<TState, TTrigger>(
    TTrigger trigger, ResolvedBehaviour<TState>[] candidates, string[] guardDescriptions)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public TTrigger Trigger { get; } = trigger;

    /// <summary>The state's own behaviours in declaration order, then its superstates', innermost first.</summary>
    public ResolvedBehaviour<TState>[] Candidates { get; } = candidates;

    /// <summary>
    /// The descriptions of all guards among the candidates: if Fire finds no candidate whose guard holds,
    /// these are exactly the unmet guards, so reporting them needs no allocation.
    /// </summary>
    public string[] GuardDescriptions { get; } = guardDescriptions;
}
