using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class ValidationTests
{
    private enum Negative { Unknown = -1, Idle = 0, Busy = 1 }

    private enum Sparse { Idle = 0, Busy = 5000 }

    private enum Small : byte { Idle, Busy }

    private enum Wide : long { Idle, Busy }

    private enum Go { Next, Back }

    private sealed class Holder<TState> : IStateful<TState>
        where TState : struct, Enum
    {
        public TState State { get; set; }
    }

    [Fact]
    public void The_sample_machine_is_valid()
    {
        var sample = SampleCallMachine.Create();

        Assert.NotNull(sample.Machine);
    }

    [Fact]
    public void A_permit_to_the_configured_state_itself_is_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.Idle);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Contains("State 'Idle': Permit(Invite) targets the state itself", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_unguarded_permits_for_one_trigger_are_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle)
            .Permit(CallTrigger.Invite, CallState.IamSent)
            .Permit(CallTrigger.Invite, CallState.Releasing);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Contains("State 'Idle': trigger 'Invite' has 2 behaviours and 2 without a guard", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_guarded_and_an_unguarded_behaviour_for_one_trigger_are_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle)
            .PermitIf(CallTrigger.Invite, CallState.IamSent, static _ => true, "circuit free")
            .Ignore(CallTrigger.Invite);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Contains("trigger 'Invite' has 2 behaviours and 1 without a guard", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Guards_for_one_trigger_with_the_same_description_are_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle)
            .PermitIf(CallTrigger.Invite, CallState.IamSent, static _ => true, "circuit free")
            .PermitIf(CallTrigger.Invite, CallState.Releasing, static _ => false, "circuit free");

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Contains("two behaviours guarded by 'circuit free'", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Guarded_behaviours_with_distinct_descriptions_are_accepted()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle)
            .PermitIf(CallTrigger.Invite, CallState.IamSent, static _ => true, "circuit free")
            .IgnoreIf(CallTrigger.Invite, static _ => false, "no circuit");

        Assert.NotNull(builder.Build());
    }

    [Fact]
    public void The_same_trigger_in_a_substate_and_its_superstate_is_not_a_duplicate()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.IamSent);
        builder.Configure(CallState.Setup).Permit(CallTrigger.Cancel, CallState.Releasing);
        builder.Configure(CallState.IamSent).SubstateOf(CallState.Setup).Ignore(CallTrigger.Cancel);

        Assert.NotNull(builder.Build());
    }

    [Fact]
    public void A_substate_cycle_is_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.IamSent);
        builder.Configure(CallState.Setup).SubstateOf(CallState.IamSent);
        builder.Configure(CallState.IamSent).SubstateOf(CallState.Setup);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Equal(["Substate cycle: Setup -> IamSent -> Setup; SubstateOf must form a tree."], exception.Errors);
    }

    [Fact]
    public void A_state_that_is_its_own_superstate_is_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).SubstateOf(CallState.Idle);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Equal(["Substate cycle: Idle -> Idle; SubstateOf must form a tree."], exception.Errors);
    }

    [Fact]
    public void Two_different_superstates_for_one_state_are_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.IamSent);
        builder.Configure(CallState.IamSent).SubstateOf(CallState.Setup).SubstateOf(CallState.Answered);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Contains("State 'IamSent' is declared a substate of both 'Setup' and 'Answered'", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_state_is_rejected()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.IamSent);
        builder.Configure(CallState.Released).Permit(CallTrigger.Invite, CallState.IamSent);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Equal(
            ["State 'Released' is unreachable from the initial state 'Idle': no transition leads to it or to one of its substates."],
            exception.Errors);
    }

    [Fact]
    public void A_superstate_is_reachable_through_its_substates_and_a_destination_through_a_superstate_permit()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.IamSent);
        builder.Configure(CallState.IamSent).SubstateOf(CallState.Setup);
        builder.Configure(CallState.Setup).Permit(CallTrigger.Cancel, CallState.Releasing);
        builder.Configure(CallState.Releasing);

        Assert.NotNull(builder.Build());
    }

    [Fact]
    public void Several_errors_are_reported_together()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle)
            .Permit(CallTrigger.Invite, CallState.Idle)
            .Permit(CallTrigger.Acm, CallState.IamSent)
            .Permit(CallTrigger.Acm, CallState.Releasing);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("2 error(s)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_enum_values_are_rejected()
    {
        var builder = new StateMachineBuilder<Negative, Go, Holder<Negative>>(Negative.Idle);
        builder.Configure(Negative.Idle).Permit(Go.Next, Negative.Busy);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Contains("Negative.Unknown has the value -1", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_too_large_for_a_table_are_rejected()
    {
        var builder = new StateMachineBuilder<Sparse, Go, Holder<Sparse>>(Sparse.Idle);
        builder.Configure(Sparse.Idle).Permit(Go.Next, Sparse.Busy);

        var exception = Assert.Throws<StateMachineConfigurationException>(builder.Build);

        Assert.Contains("Sparse.Busy has the value 5000", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Enums_of_any_integer_width_work()
    {
        var small = new StateMachineBuilder<Small, Go, Holder<Small>>(Small.Idle);
        small.Configure(Small.Idle).Permit(Go.Next, Small.Busy);
        small.Configure(Small.Busy).Permit(Go.Back, Small.Idle);
        var wide = new StateMachineBuilder<Wide, Go, Holder<Wide>>(Wide.Idle);
        wide.Configure(Wide.Idle).Permit(Go.Next, Wide.Busy);
        var smallHolder = new Holder<Small>();
        var wideHolder = new Holder<Wide>();

        small.Build().Fire(smallHolder, Go.Next);
        wide.Build().Fire(wideHolder, Go.Next);

        Assert.Equal(Small.Busy, smallHolder.State);
        Assert.Equal(Wide.Busy, wideHolder.State);
    }

    [Fact]
    public void A_guard_needs_a_description()
    {
        var builder = NewCallBuilder();

        Assert.Throws<ArgumentException>(() =>
            builder.Configure(CallState.Idle).PermitIf(CallTrigger.Invite, CallState.IamSent, static _ => true, " "));
    }

    [Fact]
    public void A_built_machine_is_unaffected_by_later_changes_to_its_builder()
    {
        var builder = NewCallBuilder();
        builder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.IamSent);
        var machine = builder.Build();
        builder.Configure(CallState.Idle).Ignore(CallTrigger.Acm);
        var call = new Call();

        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(call, CallTrigger.Acm));
        Assert.True(builder.Build().CanFire(call, CallTrigger.Acm));
    }

    private static StateMachineBuilder<CallState, CallTrigger, Call> NewCallBuilder() => new(CallState.Idle);
}
