using Gateway.Fsm.Tests.SampleCall;

namespace Gateway.Fsm.Tests;

public sealed class ReentrantFireTests
{
    private enum IsupState { Idle, Busy }

    private enum IsupEvent { Seize }

    /// <summary>An interworking call: one object owning the state of two machines.</summary>
    private sealed class InterworkingCall : IStateful<CallState>, IStateful<IsupState>
    {
        public List<string> Log { get; } = [];

        public Call Peer { get; } = new();

        CallState IStateful<CallState>.State { get; set; }

        IsupState IStateful<IsupState>.State { get; set; }
    }

    [Fact]
    public void Firing_the_same_context_from_an_entry_action_is_rejected_and_propagates()
    {
        SampleCallMachine? sample = null;
        sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.IamSent).OnEntry((call, _) => sample!.Machine.Fire(call, CallTrigger.Acm)));
        var call = new Call();

        var exception = Assert.Throws<ReentrantFireException>(() => sample.Machine.Fire(call, CallTrigger.Invite));

        Assert.Equal(CallTrigger.Acm, exception.Trigger);
        Assert.Equal(CallState.IamSent, call.State);
        Assert.DoesNotContain("entry AcmReceived", call.Log);
    }

    [Fact]
    public void A_rejected_re_entrant_fire_changes_nothing_and_the_outer_fire_completes_if_caught()
    {
        SampleCallMachine? sample = null;
        sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.IamSent).OnEntry((call, _) =>
            {
                try
                {
                    sample!.Machine.Fire(call, CallTrigger.Acm);
                }
                catch (ReentrantFireException)
                {
                    call.Record("rejected");
                }
            }));
        var call = new Call();

        sample.Machine.Fire(call, CallTrigger.Invite);
        sample.Machine.Fire(call, CallTrigger.Acm);

        Assert.Equal(["exit Idle", "entry Setup", "entry IamSent", "rejected", "exit IamSent", "entry AcmReceived"], call.Log);
        Assert.Equal(CallState.AcmReceived, call.State);
    }

    [Fact]
    public void Firing_from_an_observer_guard_or_unhandled_handler_is_rejected_too()
    {
        SampleCallMachine? sample = null;
        sample = SampleCallMachine.Create(false, false, builder => builder
            .OnTransitioned((call, _) => sample!.Machine.Fire(call, CallTrigger.Rlc))
            .OnUnhandledTrigger((call, _, _, _) => sample!.Machine.Fire(call, CallTrigger.Rlc))
            .Configure(CallState.Released).PermitIf(CallTrigger.Invite, CallState.IamSent, call =>
            {
                sample!.Machine.Fire(call, CallTrigger.Rlc);
                return true;
            }, "re-entrant guard"));

        Assert.Throws<ReentrantFireException>(() => sample.Machine.Fire(new Call { State = CallState.Releasing }, CallTrigger.Rlc));
        Assert.Throws<ReentrantFireException>(() => sample.Machine.Fire(new Call { State = CallState.Idle }, CallTrigger.Rlc));
        Assert.Throws<ReentrantFireException>(() => sample.Machine.Fire(new Call { State = CallState.Released }, CallTrigger.Invite));
    }

    [Fact]
    public void Firing_another_context_from_an_action_is_allowed()
    {
        var peers = new Dictionary<Call, Call>();
        SampleCallMachine? sample = null;
        sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.Releasing).OnEntry((call, _) =>
            {
                if (peers.TryGetValue(call, out var peer))
                {
                    sample!.Machine.Fire(peer, CallTrigger.Bye);
                }
            }));
        var call = new Call { State = CallState.Answered };
        var peerCall = new Call { State = CallState.Answered };
        peers[call] = peerCall;

        sample.Machine.Fire(call, CallTrigger.Bye);

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal(CallState.Releasing, peerCall.State);
    }

    [Fact]
    public void Firing_another_machine_on_the_same_context_from_an_action_is_allowed()
    {
        var isupBuilder = new StateMachineBuilder<IsupState, IsupEvent, InterworkingCall>(IsupState.Idle);
        isupBuilder.Configure(IsupState.Idle)
            .Permit(IsupEvent.Seize, IsupState.Busy)
            .OnExit(static (call, _) => call.Log.Add("isup seized"));
        var isup = isupBuilder.Build();

        var sipBuilder = new StateMachineBuilder<CallState, CallTrigger, InterworkingCall>(CallState.Idle);
        sipBuilder.Configure(CallState.Idle).Permit(CallTrigger.Invite, CallState.IamSent);
        sipBuilder.Configure(CallState.IamSent).OnEntry((call, _) => isup.Fire(call, IsupEvent.Seize));
        var sip = sipBuilder.Build();
        var interworking = new InterworkingCall();

        sip.Fire(interworking, CallTrigger.Invite);

        Assert.True(sip.IsInState(interworking, CallState.IamSent));
        Assert.True(isup.IsInState(interworking, IsupState.Busy));
        Assert.Equal(["isup seized"], interworking.Log);
    }

    [Fact]
    public void Firing_after_a_rejected_re_entrant_fire_works()
    {
        SampleCallMachine? sample = null;
        sample = SampleCallMachine.Create(true, false, builder =>
            builder.Configure(CallState.IamSent).OnEntry((call, _) => sample!.Machine.Fire(call, CallTrigger.Acm)));
        var call = new Call();
        Assert.Throws<ReentrantFireException>(() => sample.Machine.Fire(call, CallTrigger.Invite));

        sample.Machine.Fire(call, CallTrigger.Acm);

        Assert.Equal(CallState.AcmReceived, call.State);
    }
}
