namespace Gateway.M3ua.Management.Tests;

/// <summary>T(ack): each request is repeated every 2 s until acknowledged, and given up after the configured attempts.</summary>
public sealed class RetryTests
{
    [Fact]
    public void Aspup_is_repeated_every_tack_and_given_up_after_max_attempts()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        Assert.Equal([M3uaMessageType.AspUp], rig.TakeSentTypes());
        for (int attempt = 2; attempt <= 5; attempt++)
        {
            rig.Advance(1.999);
            Assert.Empty(rig.TakeSent());
            rig.Advance(0.001);
            Assert.Equal([M3uaMessageType.AspUp], rig.TakeSentTypes());
        }

        rig.TakeEvents();
        rig.Advance(2);
        Assert.Empty(rig.TakeSent());
        var gaveUp = Assert.Single(rig.TakeEvents());
        Assert.Equal(M3uaManagementEventKind.GaveUp, gaveUp.Kind);
        Assert.Equal(M3uaMessageType.AspUp, gaveUp.SignalType);
        Assert.Equal(5, gaveUp.Count);
        Assert.Equal(ManagementEventSeverity.Alarm, gaveUp.Severity);
        Assert.Equal("event=gave-up message=ASPUP count=5", gaveUp.ToString());
        Assert.Equal(AspState.Idle, rig.Management.State);
        Assert.Equal(0, rig.Time.ActiveTimers);

        // The layer that reconnects may try again on the same association.
        rig.Management.AssociationUp();
        Assert.Equal([M3uaMessageType.AspUp], rig.TakeSentTypes());
    }

    [Fact]
    public void Aspac_is_repeated_then_given_up_leaving_the_asp_inactive()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.TakeSent();
        rig.TakeEvents();

        rig.Advance(2 * 4);
        var repeats = rig.TakeSent();
        Assert.Equal(4, repeats.Count);
        Assert.All(repeats, s => Assert.Equal(M3uaMessageType.AspAc, s.Type));
        Assert.All(repeats, s => Assert.Equal([Options.Rc], s.RoutingContexts.ToArray()));

        rig.Advance(2);
        Assert.Empty(rig.TakeSent());
        var gaveUp = Assert.Single(rig.TakeEvents());
        Assert.Equal(M3uaMessageType.AspAc, gaveUp.SignalType);
        Assert.Equal(AspState.Inactive, rig.Management.State);
        Assert.Equal(0, rig.Time.ActiveTimers);

        rig.Management.Activate(); // from above, it may be tried again
        Assert.Equal([M3uaMessageType.AspAc], rig.TakeSentTypes());
    }

    [Fact]
    public void An_ack_to_a_repeated_aspac_ends_the_repeats()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Advance(4);
        Assert.Equal(3, rig.TakeSent().Count(s => s.Type == M3uaMessageType.AspAc)); // the first and two repeats
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        Assert.Equal(AspState.Active, rig.Management.State);
        rig.Advance(30);
        Assert.Empty(rig.TakeSent());
        Assert.Equal(0, rig.Time.ActiveTimers);
    }

    [Fact]
    public void The_attempt_limit_and_interval_are_configurable()
    {
        var rig = new Rig(Options.Asp(t => Options.Quiet(t) with { AckTimeout = TimeSpan.FromSeconds(1), MaxAttempts = 2 }));
        rig.Management.AssociationUp();
        rig.Advance(1);
        Assert.Equal([M3uaMessageType.AspUp, M3uaMessageType.AspUp], rig.TakeSentTypes());
        rig.Advance(1);
        Assert.Empty(rig.TakeSent());
        Assert.True(rig.Reported(M3uaManagementEventKind.GaveUp));
    }

    [Fact]
    public void Reg_req_is_repeated_and_given_up_like_the_others()
    {
        var options = Options.Asp() with { RoutingContexts = [], Destinations = [], RoutingKeys = [new RoutingKeyRequest(1, Options.Ours, [5])] };
        var rig = new Rig(options);
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Advance(10);
        Assert.Equal(5, rig.TakeSent().Count(s => s.Type == M3uaMessageType.RegReq));
        Assert.Contains(rig.TakeEvents(), e => e.Kind == M3uaManagementEventKind.GaveUp && e.SignalType == M3uaMessageType.RegReq);
        Assert.Equal(AspState.Inactive, rig.Management.State);
    }

    [Fact]
    public void An_err_in_answer_to_aspac_is_reported_and_the_repeats_go_on()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.TakeSent();
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Error(M3uaErrorCode.InvalidRoutingContext, new[] { Options.Rc }));
        var received = Assert.Single(rig.TakeEvents());
        Assert.Equal("event=error-received rc=7 code=invalid-routing-context", received.ToString());
        Assert.Empty(rig.TakeSent()); // an ERR is never answered
        rig.Advance(2);
        Assert.Equal([M3uaMessageType.AspAc], rig.TakeSentTypes()); // the SGP may be reconfigured meanwhile
        Assert.Equal(1, rig.Management.Counters.ErrorsReceived);
    }
}
