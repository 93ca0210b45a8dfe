namespace Gateway.Benchmarks.Fsm.Naive;

/// <summary>A transition description allocated on every Fire, as Stateless does.</summary>
public sealed class NaiveTransition<TState, TTrigger>(TState source, TState destination, TTrigger trigger, object[] arguments)
{
    public TState Source { get; } = source;

    public TState Destination { get; } = destination;

    public TTrigger Trigger { get; } = trigger;

    public object[] Arguments { get; } = arguments;
}
