namespace Gateway.Benchmarks.Fsm.Naive;

public sealed class NaiveTransitionRule<TState, TTrigger>(TTrigger trigger, TState destination, Func<object[], bool>? guard)
{
    public TTrigger Trigger { get; } = trigger;

    public TState Destination { get; } = destination;

    public Func<object[], bool>? Guard { get; } = guard;
}
