using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gateway.Benchmarks.Fsm.Naive;
using Gateway.Fsm;

namespace Gateway.Benchmarks.Fsm;

/// <summary>
/// Cost of one Fire. Each benchmark fires a round trip (there and back, so the state is the same before
/// every invocation) and reports per Fire via OperationsPerInvoke = 2. Targets for Gateway.Fsm: 0 B
/// allocated and under 50 ns per Fire. ShortRun (1 launch, 3 warm-up, 3 measured iterations) keeps
/// `make bench` short; the figures are indicative, not publication-grade.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FsmFireBenchmarks
{
    private const string Guarded = "Guarded transition, exit+entry";
    private const string Substate = "Into/out of a substate";
    private const string StructArgument = "Struct argument";

    private StateMachine<BenchState, BenchTrigger, BenchCall> _machine = null!;
    private TriggerWithParameter<BenchTrigger, BenchAnswer> _answerWithInfo = null!;
    private BenchCall _ringingCall = null!;
    private BenchCall _idleCall = null!;
    private BenchCall _naiveRingingCall = null!;
    private BenchCall _naiveIdleCall = null!;
    private NaiveStateMachine<BenchState, BenchTrigger> _naiveRinging = null!;
    private NaiveStateMachine<BenchState, BenchTrigger> _naiveIdle = null!;
    private BenchAnswer _answer;

    [GlobalSetup]
    public void Setup()
    {
        (_machine, _answerWithInfo) = BenchMachines.BuildGatewayFsm();
        _ringingCall = new BenchCall();
        _machine.Fire(_ringingCall, BenchTrigger.Invite);
        _machine.Fire(_ringingCall, BenchTrigger.Ring);
        _idleCall = new BenchCall();

        _naiveRingingCall = new BenchCall();
        _naiveRinging = BenchMachines.BuildNaive(_naiveRingingCall);
        _naiveRinging.Fire(BenchTrigger.Invite);
        _naiveRinging.Fire(BenchTrigger.Ring);
        _naiveIdleCall = new BenchCall();
        _naiveIdle = BenchMachines.BuildNaive(_naiveIdleCall);

        _answer = new BenchAnswer(Charged: true, ConnectedNumberDigits: 10);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    [BenchmarkCategory(Guarded)]
    public void GatewayFsm_GuardedTransition()
    {
        _machine.Fire(_ringingCall, BenchTrigger.Answer);
        _machine.Fire(_ringingCall, BenchTrigger.Suspend);
    }

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory(Guarded)]
    public void Naive_GuardedTransition()
    {
        _naiveRinging.Fire(BenchTrigger.Answer);
        _naiveRinging.Fire(BenchTrigger.Suspend);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    [BenchmarkCategory(Substate)]
    public void GatewayFsm_IntoAndOutOfSubstate()
    {
        _machine.Fire(_idleCall, BenchTrigger.Invite);
        _machine.Fire(_idleCall, BenchTrigger.Cancel);
    }

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory(Substate)]
    public void Naive_IntoAndOutOfSubstate()
    {
        _naiveIdle.Fire(BenchTrigger.Invite);
        _naiveIdle.Fire(BenchTrigger.Cancel);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    [BenchmarkCategory(StructArgument)]
    public void GatewayFsm_StructArgument()
    {
        _machine.Fire(_ringingCall, _answerWithInfo, in _answer);
        _machine.Fire(_ringingCall, BenchTrigger.Suspend);
    }

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory(StructArgument)]
    public void Naive_StructArgument()
    {
        _naiveRinging.Fire(BenchTrigger.AnswerWithInfo, _answer);
        _naiveRinging.Fire(BenchTrigger.Suspend);
    }
}
