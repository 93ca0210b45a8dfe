using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

/// <summary>
/// Asserts a behaviour — that handled Fire calls allocate nothing — by counting bytes allocated on this
/// thread. It never measures time.
/// </summary>
public sealed class AllocationTests
{
    private const int Calls = 10_000;

    [Fact]
    public void A_whole_call_lifecycle_allocates_nothing_after_warm_up()
    {
        var sample = SampleCallMachine.Create(withUnhandledHandler: true, withObserver: true);
        var call = new Call { Recording = false, FreeCallsAllowed = true };

        RunCalls(sample, call, 100);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunCalls(sample, call, Calls);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(CallState.Released, call.State);
    }

    [Fact]
    public void A_guard_blocked_trigger_reported_to_a_handler_allocates_nothing()
    {
        var sample = SampleCallMachine.Create(withUnhandledHandler: true);
        var call = new Call { Recording = false, State = CallState.IamSent, FastAnswerAllowed = false };
        var answer = new AnswerInfo(true, 10);

        for (int i = 0; i < 100; i++)
        {
            sample.Machine.Fire(call, sample.Answer, answer);
            sample.Machine.Fire(call, CallTrigger.Invite);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            sample.Machine.Fire(call, sample.Answer, answer);
            sample.Machine.Fire(call, CallTrigger.Invite);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2 * (Calls + 100), call.UnhandledCount);
        Assert.Equal(CallState.IamSent, call.State);
    }

    [Fact]
    public void Queries_on_the_hot_path_allocate_nothing()
    {
        var sample = SampleCallMachine.Create();
        var call = new Call { Recording = false, State = CallState.AcmReceived };
        bool all = true;
        for (int i = 0; i < 100; i++)
        {
            all &= sample.Machine.IsInState(call, CallState.Setup) && sample.Machine.CanFire(call, CallTrigger.Cpg);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            all &= sample.Machine.IsInState(call, CallState.Setup) && sample.Machine.CanFire(call, CallTrigger.Cpg);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(all);
    }

    /// <summary>
    /// Invite, ACM, CPG (internal), ANM with a struct argument, session refresh (re-entry), BYE, a BYE
    /// retransmission (ignored), RLC: 8 Fire calls per call, through the Setup superstate.
    /// </summary>
    private static void RunCalls(SampleCallMachine sample, Call call, int count)
    {
        var machine = sample.Machine;
        var answer = new AnswerInfo(Charged: true, ConnectedNumberDigits: 10);
        for (int i = 0; i < count; i++)
        {
            // The context owns its state: reusing one call object stands in for a fresh call.
            call.State = CallState.Idle;
            machine.Fire(call, CallTrigger.Invite);
            machine.Fire(call, CallTrigger.Acm);
            machine.Fire(call, CallTrigger.Cpg);
            machine.Fire(call, sample.Answer, answer);
            machine.Fire(call, CallTrigger.SessionRefresh);
            machine.Fire(call, CallTrigger.Bye);
            machine.Fire(call, CallTrigger.Bye);
            machine.Fire(call, CallTrigger.Rlc);
        }
    }
}
