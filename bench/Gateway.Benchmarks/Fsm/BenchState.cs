namespace Gateway.Benchmarks.Fsm;

public enum BenchState
{
    Idle,
    Setup,
    Alerting,
    Ringing,
    Answered,
}
