using BenchmarkDotNet.Running;

namespace Gateway.Benchmarks;

public static class Program
{
    // The switcher discovers every benchmark class in this assembly, so later benchmarks need no wiring;
    // pick with --filter, e.g. --filter '*Fsm*'.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
