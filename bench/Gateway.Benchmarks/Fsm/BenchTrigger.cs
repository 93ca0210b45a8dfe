namespace Gateway.Benchmarks.Fsm;

public enum BenchTrigger
{
    Invite,
    Cancel,
    Ring,
    Answer,
    AnswerWithInfo,
    Suspend,
}
