using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class HierarchyTests
{
    // Outer ⊃ Middle ⊃ {Inner, Sibling}; Outer ⊃ Cousin; Outside is top level.
    public enum Node { Outside, Outer, Middle, Inner, Sibling, Cousin }

    public enum Move { GoInner, GoSibling, GoCousin, GoOuter, GoMiddle, GoOutside }

    private sealed class Tracker : IStateful<Node>
    {
        public Node State { get; set; }

        public List<string> Log { get; } = [];
    }

    private readonly StateMachine<Node, Move, Tracker> _nested = BuildNested();
    private readonly SampleCallMachine _sample = SampleCallMachine.Create();

    [Fact]
    public void Entering_a_substate_from_outside_enters_the_superstate_first()
    {
        var call = new Call();

        _sample.Machine.Fire(call, CallTrigger.Invite);

        Assert.Equal(["exit Idle", "entry Setup", "entry IamSent"], call.Log);
    }

    [Fact]
    public void Moving_between_siblings_neither_exits_nor_enters_their_superstate()
    {
        var call = new Call { State = CallState.IamSent };

        _sample.Machine.Fire(call, CallTrigger.Acm);

        Assert.Equal(["exit IamSent", "entry AcmReceived"], call.Log);
    }

    [Fact]
    public void Leaving_a_superstate_from_a_substate_exits_innermost_first()
    {
        var call = new Call { State = CallState.AcmReceived };

        _sample.Machine.Fire(call, CallTrigger.Cancel);

        Assert.Equal(["exit AcmReceived", "exit Setup", "entry Releasing"], call.Log);
        Assert.Equal(CallState.Releasing, call.State);
    }

    [Fact]
    public void A_superstate_behaviour_applies_in_every_substate()
    {
        var call = new Call { State = CallState.IamSent };

        _sample.Machine.Fire(call, CallTrigger.T7Expiry);

        Assert.Equal(CallState.Releasing, call.State);
    }

    [Theory]
    [InlineData(Node.Outside, Move.GoInner, Node.Inner, "exit Outside,entry Outer,entry Middle,entry Inner")]
    [InlineData(Node.Inner, Move.GoOutside, Node.Outside, "exit Inner,exit Middle,exit Outer,entry Outside")]
    [InlineData(Node.Inner, Move.GoSibling, Node.Sibling, "exit Inner,entry Sibling")]
    [InlineData(Node.Inner, Move.GoCousin, Node.Cousin, "exit Inner,exit Middle,entry Cousin")]
    [InlineData(Node.Inner, Move.GoOuter, Node.Outer, "exit Inner,exit Middle")]
    [InlineData(Node.Inner, Move.GoMiddle, Node.Middle, "exit Inner")]
    [InlineData(Node.Outer, Move.GoInner, Node.Inner, "entry Middle,entry Inner")]
    [InlineData(Node.Sibling, Move.GoInner, Node.Inner, "exit Sibling,entry Inner")]
    [InlineData(Node.Cousin, Move.GoInner, Node.Inner, "exit Cousin,entry Middle,entry Inner")]
    public void Entry_and_exit_order_follows_the_closest_common_superstate(Node from, Move move, Node to, string expected)
    {
        var tracker = new Tracker { State = from };

        _nested.Fire(tracker, move);

        Assert.Equal(to, tracker.State);
        Assert.Equal(expected.Split(','), tracker.Log);
    }

    [Fact]
    public void A_superstate_permit_back_to_the_current_substate_re_enters_only_that_substate()
    {
        var tracker = new Tracker { State = Node.Inner };

        _nested.Fire(tracker, Move.GoInner);

        Assert.Equal(["exit Inner", "entry Inner"], tracker.Log);
    }

    [Fact]
    public void A_substate_behaviour_takes_precedence_over_its_superstate()
    {
        var tracker = new Tracker { State = Node.Sibling };

        _nested.Fire(tracker, Move.GoOutside);

        Assert.Equal(Node.Sibling, tracker.State);
        Assert.Empty(tracker.Log);
    }

    [Theory]
    [InlineData(Node.Inner, true)]
    [InlineData(Node.Middle, true)]
    [InlineData(Node.Outer, true)]
    [InlineData(Node.Sibling, false)]
    [InlineData(Node.Cousin, false)]
    [InlineData(Node.Outside, false)]
    public void IsInState_is_true_for_the_state_and_all_its_superstates(Node queried, bool expected)
    {
        var tracker = new Tracker { State = Node.Inner };

        Assert.Equal(expected, _nested.IsInState(tracker, queried));
    }

    [Fact]
    public void IsInState_of_a_superstate_does_not_hold_in_its_superstate()
    {
        var tracker = new Tracker { State = Node.Outer };

        Assert.True(_nested.IsInState(tracker, Node.Outer));
        Assert.False(_nested.IsInState(tracker, Node.Middle));
    }

    private static StateMachine<Node, Move, Tracker> BuildNested()
    {
        var builder = new StateMachineBuilder<Node, Move, Tracker>(Node.Outside);
        foreach (var node in Enum.GetValues<Node>())
        {
            string entry = "entry " + node;
            string exit = "exit " + node;
            builder.Configure(node)
                .OnEntry((tracker, _) => tracker.Log.Add(entry))
                .OnExit((tracker, _) => tracker.Log.Add(exit));
        }

        builder.Configure(Node.Outside)
            .Permit(Move.GoInner, Node.Inner)
            .Permit(Move.GoOuter, Node.Outer);
        builder.Configure(Node.Outer)
            .Permit(Move.GoOutside, Node.Outside)
            .Permit(Move.GoInner, Node.Inner);
        builder.Configure(Node.Middle).SubstateOf(Node.Outer);
        builder.Configure(Node.Inner)
            .SubstateOf(Node.Middle)
            .Permit(Move.GoSibling, Node.Sibling)
            .Permit(Move.GoCousin, Node.Cousin)
            .Permit(Move.GoOuter, Node.Outer)
            .Permit(Move.GoMiddle, Node.Middle);
        builder.Configure(Node.Sibling)
            .SubstateOf(Node.Middle)
            .Ignore(Move.GoOutside);
        builder.Configure(Node.Cousin).SubstateOf(Node.Outer);
        return builder.Build();
    }
}
