namespace Gateway.Benchmarks.Fsm;

/// <summary>A struct trigger argument, to show that it is not boxed.</summary>
public readonly record struct BenchAnswer(bool Charged, int ConnectedNumberDigits);
