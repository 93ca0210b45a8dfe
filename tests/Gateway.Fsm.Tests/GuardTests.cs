using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class GuardTests
{
    public enum Leg { Waiting, Accepted, Redirected, Rejected }

    private enum Response { Final }

    private sealed class Transaction : IStateful<Leg>
    {
        public Leg State { get; set; }

        public int Status { get; set; }

        public int GuardCalls { get; set; }
    }

    private readonly SampleCallMachine _sample = SampleCallMachine.Create();

    [Theory]
    [InlineData(true, false, CallState.Answered)]
    [InlineData(false, true, CallState.Answered)]
    [InlineData(false, false, CallState.Releasing)]
    public void Several_guarded_permits_for_one_trigger_pick_the_one_whose_guard_holds(
        bool charged, bool freeCallsAllowed, CallState expected)
    {
        var call = new Call { State = CallState.AcmReceived, FreeCallsAllowed = freeCallsAllowed };

        _sample.Machine.Fire(call, _sample.Answer, new AnswerInfo(charged, 8));

        Assert.Equal(expected, call.State);
    }

    [Fact]
    public void A_false_guard_leaves_the_state_unchanged_and_reports_it_as_unmet()
    {
        var call = new Call { State = CallState.IamSent, FastAnswerAllowed = false };

        _sample.Machine.Fire(call, _sample.Answer, new AnswerInfo(true, 8));

        Assert.Equal(CallState.IamSent, call.State);
        Assert.Equal(["unhandled Anm in IamSent [fast answer allowed]"], call.Log);
    }

    [Fact]
    public void A_true_context_guard_permits_the_transition()
    {
        var call = new Call { State = CallState.IamSent, FastAnswerAllowed = true };

        _sample.Machine.Fire(call, _sample.Answer, new AnswerInfo(true, 8));

        Assert.Equal(CallState.Answered, call.State);
    }

    [Fact]
    public void When_every_guard_is_false_all_their_descriptions_are_reported_in_declaration_order()
    {
        var machine = BuildResponseMachine();
        var transaction = new Transaction { Status = 100 };

        var exception = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(transaction, Response.Final));

        Assert.Equal(["2xx", "3xx", "4xx-6xx"], exception.UnmetGuards);
        Assert.Equal(Leg.Waiting, transaction.State);
    }

    [Theory]
    [InlineData(200, Leg.Accepted)]
    [InlineData(302, Leg.Redirected)]
    [InlineData(486, Leg.Rejected)]
    public void Guards_are_tried_in_declaration_order_until_one_holds(int status, Leg expected)
    {
        var machine = BuildResponseMachine();
        var transaction = new Transaction { Status = status };

        machine.Fire(transaction, Response.Final);

        Assert.Equal(expected, transaction.State);
    }

    [Fact]
    public void Guards_after_the_first_that_holds_are_not_evaluated()
    {
        var machine = BuildResponseMachine();
        var transaction = new Transaction { Status = 200 };

        machine.Fire(transaction, Response.Final);

        Assert.Equal(1, transaction.GuardCalls);
    }

    [Fact]
    public void A_substate_whose_guards_fail_falls_back_to_its_superstate()
    {
        var sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Setup).PermitIf(CallTrigger.Anm, CallState.Releasing, static _ => true, "always"));
        var call = new Call { State = CallState.IamSent, FastAnswerAllowed = false };

        sample.Machine.Fire(call, sample.Answer, new AnswerInfo(true, 8));

        Assert.Equal(CallState.Releasing, call.State);
    }

    private static StateMachine<Leg, Response, Transaction> BuildResponseMachine()
    {
        var builder = new StateMachineBuilder<Leg, Response, Transaction>(Leg.Waiting);
        builder.Configure(Leg.Waiting)
            .PermitIf(Response.Final, Leg.Accepted, static t => Count(t) && t.Status is >= 200 and < 300, "2xx")
            .PermitIf(Response.Final, Leg.Redirected, static t => Count(t) && t.Status is >= 300 and < 400, "3xx")
            .PermitIf(Response.Final, Leg.Rejected, static t => Count(t) && t.Status is >= 400 and < 700, "4xx-6xx");
        return builder.Build();
    }

    private static bool Count(Transaction transaction)
    {
        transaction.GuardCalls++;
        return true;
    }
}
