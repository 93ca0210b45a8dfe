namespace Gateway.M3ua.Management.Tests;

/// <summary>ASPIA and ASPDN from our side and from the peer's, and the association lost.</summary>
public sealed class TeardownTests
{
    [Fact]
    public void Deactivating_sends_aspia_and_stops_traffic_at_once()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Management.Deactivate();
        var aspia = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.AspIa, aspia.Type);
        Assert.Equal([Options.Rc], aspia.RoutingContexts.ToArray());
        Assert.False(rig.Management.TrafficMayFlow()); // no traffic while the ASPIA is outstanding
        var events = rig.TakeEvents();
        Assert.Contains(events, e => e.Kind == M3uaManagementEventKind.TrafficStopped && e.RoutingContext == Options.Rc);
        Assert.Equal(2, events.Count(e => e.Kind == M3uaManagementEventKind.RouteUnavailable));

        rig.Receive(new M3uaSignal { Type = M3uaMessageType.AspIaAck, RoutingContexts = new[] { Options.Rc } });
        Assert.Equal(AspState.Inactive, rig.Management.State);
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsPending, new[] { Options.Rc }));
        Assert.Empty(rig.TakeSent()); // held inactive: no takeover

        rig.Management.Activate();
        Assert.Equal(M3uaMessageType.AspAc, rig.TakeOnly().Type);
    }

    [Fact]
    public void Aspia_unanswered_is_given_up_as_inactive_anyway()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Management.Deactivate();
        rig.Advance(10);
        Assert.Equal(5, rig.TakeSent().Count(s => s.Type == M3uaMessageType.AspIa));
        Assert.Equal(AspState.Inactive, rig.Management.State);
        Assert.Equal(0, rig.Time.ActiveTimers);
    }

    [Fact]
    public void Shutdown_sends_aspdn_and_leaves_no_timer_armed()
    {
        var rig = new Rig(Options.Asp(t => t with { HeartbeatInterval = TimeSpan.FromSeconds(10), AuditInterval = TimeSpan.FromSeconds(30) }));
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(Options.Stp) }));
        rig.Management.Shutdown();
        Assert.Equal(M3uaMessageType.AspDn, rig.TakeOnly().Type);
        Assert.False(rig.Management.TrafficMayFlow());
        rig.Receive(M3uaMessageType.AspDnAck);
        Assert.Equal(AspState.Idle, rig.Management.State);
        Assert.Equal(AspStatus.Down, rig.Management.AspStatus);
        rig.Advance(2);
        Assert.Empty(rig.TakeSent()); // no repeat, no audit: only the heartbeat remains, until the transport closes
        rig.AssertQuiescentAfterDown();
    }

    [Fact]
    public void Aspdn_unanswered_is_repeated_then_given_up_as_down()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Management.Shutdown();
        rig.Advance(10);
        Assert.Equal(5, rig.TakeSent().Count(s => s.Type == M3uaMessageType.AspDn));
        Assert.Equal(AspState.Idle, rig.Management.State);
        Assert.Contains(rig.TakeEvents(), e => e.Kind == M3uaManagementEventKind.GaveUp && e.SignalType == M3uaMessageType.AspDn);
    }

    [Fact]
    public void An_aspdn_ack_we_did_not_ask_for_takes_us_down_and_we_come_back_up()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaMessageType.AspDnAck); // RFC 4666 §4.3.4.2: the SGP took us down
        Assert.Equal([M3uaMessageType.AspUp], rig.TakeSentTypes());
        Assert.False(rig.Management.TrafficMayFlow());
        var events = rig.TakeEvents();
        Assert.Equal(M3uaManagementEventKind.ForcedDown, events[0].Kind);
        Assert.Contains(events, e => e.Kind == M3uaManagementEventKind.TrafficStopped);

        rig.Receive(M3uaMessageType.AspUpAck);
        Assert.Equal([M3uaMessageType.AspAc], rig.TakeSentTypes());
    }

    [Fact]
    public void An_aspia_ack_we_did_not_ask_for_makes_us_inactive_and_we_activate_again()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(new M3uaSignal { Type = M3uaMessageType.AspIaAck, RoutingContexts = new[] { Options.Rc } });
        Assert.Equal([M3uaMessageType.AspAc], rig.TakeSentTypes());
        Assert.False(rig.Management.TrafficMayFlow());
        var forced = rig.TakeEvents().First();
        Assert.Equal("event=forced-inactive message=ASPIA_ACK", forced.ToString());
    }

    [Fact]
    public void The_association_lost_stops_everything_without_sending()
    {
        var rig = new Rig(Options.Asp(t => t with { HeartbeatInterval = TimeSpan.FromSeconds(10) }));
        rig.BringUp();
        rig.Management.AssociationDown();
        Assert.Empty(rig.TakeSent());
        var kinds = rig.TakeEventKinds();
        Assert.Contains(M3uaManagementEventKind.TrafficStopped, kinds);
        Assert.Equal(2, kinds.Count(k => k == M3uaManagementEventKind.RouteUnavailable));
        Assert.Equal(AsState.Down, rig.Management.GetAsState(Options.Rc));
        Assert.Equal(AspState.Idle, rig.Management.State);
        Assert.Equal(0, rig.Time.ActiveTimers);
    }

    [Fact]
    public void The_peers_aspia_and_aspdn_are_acknowledged_by_an_ipsp_server()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, new[] { Options.Rc }));
        rig.TakeSent();
        Assert.True(rig.Management.TrafficMayFlow());

        rig.Receive(new M3uaSignal { Type = M3uaMessageType.AspIa, RoutingContexts = new[] { Options.Rc } });
        var sent = rig.TakeSent();
        Assert.Equal([M3uaMessageType.AspIaAck, M3uaMessageType.Ntfy], sent.Select(s => s.Type));
        Assert.Equal([Options.Rc], sent[0].RoutingContexts.ToArray());
        Assert.Equal(NtfyStatus.AsInactive, sent[1].Status);
        Assert.False(rig.Management.TrafficMayFlow());
        Assert.Equal(AspStatus.Inactive, rig.Management.PeerAspStatus);

        rig.Receive(M3uaMessageType.AspDn);
        Assert.Equal([M3uaMessageType.AspDnAck], rig.TakeSentTypes());
        Assert.Equal(AspStatus.Down, rig.Management.PeerAspStatus);
        Assert.Equal(AsState.Down, rig.Management.GetAsState(Options.Rc));

        rig.Receive(M3uaMessageType.AspDn); // RFC 4666 §4.3.4.2: acknowledged even when already down
        Assert.Equal([M3uaMessageType.AspDnAck], rig.TakeSentTypes());
        rig.AssertQuiescentAfterDown();
    }

    [Fact]
    public void The_peers_aspup_while_active_is_acked_reported_and_makes_it_inactive()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, new[] { Options.Rc }));
        rig.TakeSent();

        rig.Receive(M3uaSignal.AspUp(null));
        var sent = rig.TakeSent();
        Assert.Equal([M3uaMessageType.AspUpAck, M3uaMessageType.Err], sent.Select(s => s.Type));
        Assert.Equal(M3uaErrorCode.UnexpectedMessage, sent[1].ErrorCode);
        Assert.Equal(AspStatus.Inactive, rig.Management.PeerAspStatus);
        Assert.False(rig.Management.TrafficMayFlow());

        rig.Receive(M3uaSignal.AspUp(null)); // already inactive: acknowledged, nothing more
        Assert.Equal([M3uaMessageType.AspUpAck], rig.TakeSentTypes());
    }

    [Fact]
    public void The_peers_partial_aspia_keeps_its_other_as_active()
    {
        var options = Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { RoutingContexts = [7, 8], Destinations = [], SendNotify = false };
        var rig = new Rig(options);
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, new uint[] { 7, 8 }));
        rig.TakeSent();
        rig.Receive(new M3uaSignal { Type = M3uaMessageType.AspIa, RoutingContexts = new uint[] { 8 } });
        Assert.Equal([M3uaMessageType.AspIaAck], rig.TakeSentTypes());
        Assert.True(rig.Management.TrafficMayFlow(7));
        Assert.False(rig.Management.TrafficMayFlow(8));
        Assert.Equal(AspStatus.Active, rig.Management.PeerAspStatus);
    }
}
