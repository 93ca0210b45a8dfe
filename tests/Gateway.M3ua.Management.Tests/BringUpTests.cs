namespace Gateway.M3ua.Management.Tests;

/// <summary>RFC 4666 §4.3.4 and the digest's start-up order: ASPUP → ASPUP ACK → ASPAC → ASPAC ACK → NTFY AS-ACTIVE → traffic.</summary>
public sealed class BringUpTests
{
    [Fact]
    public void An_asp_comes_up_in_order_and_traffic_flows_only_on_ntfy_as_active()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        var aspup = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.AspUp, aspup.Type);
        Assert.Equal(42u, aspup.AspIdentifier);
        Assert.Equal(AspState.UpSent, rig.Management.State);

        rig.Receive(M3uaMessageType.AspUpAck);
        var aspac = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.AspAc, aspac.Type);
        Assert.Equal(TrafficMode.Override, aspac.TrafficMode);
        Assert.Equal([Options.Rc], aspac.RoutingContexts.ToArray());
        Assert.Equal(AspStatus.Inactive, rig.Management.AspStatus);

        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        Assert.Equal(AspStatus.Active, rig.Management.AspStatus);
        Assert.False(rig.Management.TrafficMayFlow(Options.Rc)); // the SGP has not said the AS is active
        Assert.False(rig.Management.GetRouteStatus(Options.Stp).Reachable);
        rig.TakeEvents();

        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { Options.Rc }));
        Assert.True(rig.Management.TrafficMayFlow(Options.Rc));
        Assert.Equal(AsState.Active, rig.Management.GetAsState(Options.Rc));
        Assert.Equal(
            [
                M3uaManagementEventKind.NotifyReceived, M3uaManagementEventKind.AsStateChanged, M3uaManagementEventKind.TrafficStarted,
                M3uaManagementEventKind.RouteAvailable, M3uaManagementEventKind.RouteAvailable,
            ],
            rig.TakeEventKinds());
        var route = rig.Management.GetRouteStatus(Options.Stp);
        Assert.True(route.Reachable);
        Assert.Equal(Options.Rc, route.RoutingContext);
        Assert.Empty(rig.Sent);
    }

    [Fact]
    public void Events_report_each_step_of_the_bring_up()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        Assert.Equal(
            [M3uaManagementEventKind.AspStateChanged, M3uaManagementEventKind.AsStateChanged],
            rig.TakeEventKinds());
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        var events = rig.TakeEvents();
        Assert.Equal("event=asp-state-changed asp=asp-active", Assert.Single(events).ToString());
    }

    [Fact]
    public void An_asp_whose_sgp_sends_no_ntfy_can_start_traffic_on_the_ack()
    {
        var rig = new Rig(Options.Asp() with { ActivationNotice = ActivationNotice.Acknowledgement });
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        Assert.True(rig.Management.TrafficMayFlow(Options.Rc));
    }

    [Fact]
    public void An_ipsp_client_in_single_exchange_starts_traffic_on_the_ack_and_refuses_the_peers_aspup()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspClient, ExchangeMode.Single));
        rig.Management.AssociationUp();
        Assert.Equal(M3uaMessageType.AspUp, rig.TakeOnly().Type);
        rig.Receive(M3uaMessageType.AspUpAck);
        Assert.Equal(M3uaMessageType.AspAc, rig.TakeOnly().Type);
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        Assert.True(rig.Management.TrafficMayFlow());
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable);

        rig.Receive(M3uaMessageType.AspUp);
        var error = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.Err, error.Type);
        Assert.Equal(M3uaErrorCode.UnexpectedMessage, error.ErrorCode);
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void An_ipsp_server_in_single_exchange_acks_and_notifies_as_an_sgp_would()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        rig.Management.AssociationUp();
        Assert.Empty(rig.TakeSent()); // the client speaks first

        rig.Receive(M3uaSignal.AspUp(9));
        var sent = rig.TakeSent();
        Assert.Equal([M3uaMessageType.AspUpAck, M3uaMessageType.Ntfy], sent.Select(s => s.Type));
        Assert.Equal(NtfyStatus.AsInactive, sent[1].Status);
        Assert.Equal(AspStatus.Inactive, rig.Management.PeerAspStatus);
        Assert.Equal(AspState.Idle, rig.Management.State);

        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, new[] { Options.Rc }));
        sent = rig.TakeSent();
        Assert.Equal([M3uaMessageType.AspAcAck, M3uaMessageType.Ntfy], sent.Select(s => s.Type));
        Assert.Equal([Options.Rc], sent[0].RoutingContexts.ToArray());
        Assert.Equal(TrafficMode.Override, sent[0].TrafficMode);
        Assert.Equal(NtfyStatus.AsActive, sent[1].Status);
        Assert.Equal([Options.Rc], sent[1].RoutingContexts.ToArray());
        Assert.True(rig.Management.TrafficMayFlow(Options.Rc));
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable);
    }

    [Fact]
    public void An_ipsp_server_can_stay_silent_about_as_state()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.None, new[] { Options.Rc }));
        Assert.Equal([M3uaMessageType.AspUpAck, M3uaMessageType.AspAcAck], rig.TakeSentTypes());
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Theory]
    [InlineData(ManagementRole.IpspClient)]
    [InlineData(ManagementRole.IpspServer)]
    public void In_double_exchange_traffic_waits_for_both_directions(ManagementRole role)
    {
        var rig = new Rig(Options.Ipsp(role, ExchangeMode.Double));
        rig.Management.AssociationUp();
        Assert.Equal(M3uaMessageType.AspUp, rig.TakeOnly().Type); // both sides activate in double exchange
        rig.Receive(M3uaMessageType.AspUpAck);
        Assert.Equal(M3uaMessageType.AspAc, rig.TakeOnly().Type);
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        Assert.Equal(AspStatus.Active, rig.Management.AspStatus);
        Assert.False(rig.Management.TrafficMayFlow()); // the peer has not activated toward us

        rig.Receive(M3uaSignal.AspUp(null));
        Assert.Equal(M3uaMessageType.AspUpAck, rig.TakeOnly().Type); // no NTFY: each side owns its own activation
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, new[] { Options.Rc }));
        Assert.Equal(M3uaMessageType.AspAcAck, rig.TakeOnly().Type);
        Assert.True(rig.Management.TrafficMayFlow(Options.Rc));
        Assert.Equal(AspStatus.Active, rig.Management.PeerAspStatus);

        rig.Receive(new M3uaSignal { Type = M3uaMessageType.AspIa, RoutingContexts = new[] { Options.Rc } });
        Assert.Equal(M3uaMessageType.AspIaAck, rig.TakeOnly().Type);
        Assert.False(rig.Management.TrafficMayFlow()); // one direction is not enough
        Assert.Equal(AspStatus.Active, rig.Management.AspStatus);
    }

    [Fact]
    public void Routing_keys_are_registered_before_aspac_and_their_routing_contexts_activated()
    {
        var options = Options.Asp() with
        {
            RoutingContexts = [],
            Destinations = [new DestinationOptions(Options.Stp)],
            RoutingKeys = [new RoutingKeyRequest(1, Options.Ours, [5]), new RoutingKeyRequest(2, Options.Ours + 1, [5])],
        };
        var rig = new Rig(options);
        rig.Management.AssociationUp();
        rig.TakeSent();
        rig.Receive(M3uaMessageType.AspUpAck);
        var request = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.RegReq, request.Type);
        Assert.Equal([1u, 2u], request.RoutingKeys.ToArray().Select(k => k.LocalRoutingKeyIdentifier));

        rig.Receive(new M3uaSignal
        {
            Type = M3uaMessageType.RegRsp,
            RegistrationResults = new[]
            {
                new RegistrationOutcome(1, M3uaRegistrationStatus.Success, 99),
                new RegistrationOutcome(2, M3uaRegistrationStatus.PermissionDenied, 0),
            },
        });
        var aspac = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.AspAc, aspac.Type);
        Assert.Equal([99u], aspac.RoutingContexts.ToArray());
        var events = rig.TakeEvents();
        Assert.Contains(events, e => e.Kind == M3uaManagementEventKind.Registered && e.RoutingContext == 99 && e.LocalRoutingKeyIdentifier == 1);
        Assert.Contains(events, e => e.Kind == M3uaManagementEventKind.RegistrationRefused && e.RegistrationStatus == M3uaRegistrationStatus.PermissionDenied);

        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { 99u }));
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { 99u }));
        Assert.True(rig.Management.TrafficMayFlow(99));
        Assert.Equal(99u, rig.Management.GetRouteStatus(Options.Stp).RoutingContext);
    }

    [Fact]
    public void Nothing_registered_means_no_aspac()
    {
        var options = Options.Asp() with { RoutingContexts = [], Destinations = [], RoutingKeys = [new RoutingKeyRequest(1, Options.Ours, [5])] };
        var rig = new Rig(options);
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.TakeSent();
        rig.Receive(new M3uaSignal { Type = M3uaMessageType.RegRsp, RegistrationResults = new[] { new RegistrationOutcome(1, M3uaRegistrationStatus.InvalidDpc, 0) } });
        Assert.Empty(rig.TakeSent());
        Assert.Equal(AspState.Inactive, rig.Management.State);
        rig.Management.Activate();
        Assert.Empty(rig.TakeSent()); // still nothing to activate
    }

    [Fact]
    public void Without_configured_routing_contexts_aspac_names_none_and_one_implicit_as_carries_traffic()
    {
        var rig = new Rig(Options.Asp() with { RoutingContexts = [] });
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        var aspac = rig.TakeSent().Last();
        Assert.True(aspac.RoutingContexts.IsEmpty);
        rig.Receive(M3uaSignal.Of(M3uaMessageType.AspAcAck));
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, default));
        Assert.True(rig.Management.TrafficMayFlow(null));
        Assert.Equal(AsState.Active, rig.Management.GetAsState(null));
        Assert.Null(rig.Management.GetRouteStatus(Options.Stp).RoutingContext);
    }

    [Fact]
    public void A_standby_asp_stays_inactive_until_the_as_is_pending()
    {
        var rig = new Rig(Options.Asp() with { ActivateOnStart = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        Assert.Equal([M3uaMessageType.AspUp], rig.TakeSentTypes());
        Assert.Equal(AspState.Inactive, rig.Management.State);

        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { Options.Rc })); // another ASP serves the AS
        Assert.Empty(rig.TakeSent());
        Assert.False(rig.Management.TrafficMayFlow());

        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsPending, new[] { Options.Rc })); // it left: take over
        Assert.Equal(M3uaMessageType.AspAc, rig.TakeOnly().Type);
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { Options.Rc }));
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void A_traffic_mode_the_ack_does_not_share_is_reported()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Loadshare, new[] { Options.Rc }));
        var mismatch = Assert.Single(rig.TakeEvents(), e => e.Kind == M3uaManagementEventKind.TrafficModeMismatch);
        Assert.Equal("event=traffic-mode-mismatch message=ASPAC_ACK mode=loadshare", mismatch.ToString());
    }
}
