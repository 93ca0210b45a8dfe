using Gateway.Fsm;

namespace Gateway.Benchmarks.Fsm;

/// <summary>The context: owns the state; actions bump counters so they cannot be optimised away.</summary>
public sealed class BenchCall : IStateful<BenchState>
{
    public BenchState State { get; set; }

    public bool AnswerAllowed { get; set; } = true;

    public long Entries { get; set; }

    public long Exits { get; set; }

    public long Digits { get; set; }
}
