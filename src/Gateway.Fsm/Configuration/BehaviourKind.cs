namespace Gateway.Fsm;

/// <summary>What a state does with a trigger it has a behaviour for.</summary>
internal enum BehaviourKind
{
    Transition,
    Reentry,
    Ignore,
    Internal,
}
