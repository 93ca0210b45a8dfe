namespace Gateway.M3ua.Management.Tests;

/// <summary>SSNM (RFC 4666 §3.4, §4.5): destination availability, congestion and user parts per point code, with masks.</summary>
public sealed class RouteTests
{
    private static M3uaSignal Ssnm(M3uaMessageType type, int pointCode, byte mask = 0) =>
        M3uaSignal.Destinations(type, new[] { new PointCodeRange(pointCode, mask) });

    [Fact]
    public void Destinations_are_unavailable_until_traffic_flows()
    {
        var rig = new Rig(Options.Asp());
        Assert.All(rig.Management.GetRouteStatuses(), r => Assert.Equal(DestinationAvailability.Unavailable, r.Availability));
        rig.BringUp();
        Assert.All(rig.Management.GetRouteStatuses(), r => Assert.Equal(DestinationAvailability.Available, r.Availability));
    }

    [Fact]
    public void Duna_and_dava_move_one_destination()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(Ssnm(M3uaMessageType.Duna, Options.Stp));
        var unavailable = Assert.Single(rig.TakeEvents());
        Assert.Equal("event=route-unavailable rc=7 pc=2049", unavailable.ToString());
        Assert.False(rig.Management.GetRouteStatus(Options.Stp).Reachable);
        Assert.True(rig.Management.GetRouteStatus(Options.Switch).Reachable);
        Assert.True(rig.Management.TrafficMayFlow()); // the AS still carries traffic to the others

        rig.Receive(Ssnm(M3uaMessageType.Dava, Options.Stp));
        var available = Assert.Single(rig.TakeEvents());
        Assert.Equal(M3uaManagementEventKind.RouteAvailable, available.Kind);
        Assert.Equal(Options.Rc, available.RoutingContext);
        Assert.Empty(rig.TakeSent());
    }

    [Fact]
    public void A_mask_widens_the_affected_range()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(Ssnm(M3uaMessageType.Duna, 0x0800, mask: 4)); // 0x0800–0x080F: both destinations
        Assert.Equal(2, rig.TakeEvents().Count(e => e.Kind == M3uaManagementEventKind.RouteUnavailable));

        rig.Receive(Ssnm(M3uaMessageType.Dava, 0x0802, mask: 1)); // 0x0802–0x0803: only 0x0802
        Assert.True(rig.Management.GetRouteStatus(Options.Switch).Reachable);
        Assert.False(rig.Management.GetRouteStatus(Options.Stp).Reachable);

        rig.Receive(Ssnm(M3uaMessageType.Dava, 0x0810, mask: 3)); // 0x0810–0x0817: neither
        Assert.False(rig.Management.GetRouteStatus(Options.Stp).Reachable);

        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Dava, new[] { new PointCodeRange(0x0900), new PointCodeRange(Options.Stp) }));
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable); // any entry of the list
    }

    [Fact]
    public void Drst_restricts_and_dava_lifts_it()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(Ssnm(M3uaMessageType.Drst, Options.Stp));
        Assert.Equal(M3uaManagementEventKind.RouteRestricted, Assert.Single(rig.TakeEvents()).Kind);
        var status = rig.Management.GetRouteStatus(Options.Stp);
        Assert.True(status.Reachable);
        Assert.Equal(DestinationAvailability.Restricted, status.Availability);
        rig.Receive(Ssnm(M3uaMessageType.Dava, Options.Stp));
        Assert.Equal(M3uaManagementEventKind.RouteAvailable, Assert.Single(rig.TakeEvents()).Kind);
    }

    [Fact]
    public void Scon_reports_every_indication_and_the_level_abates_without_renewal()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Scon, new[] { new PointCodeRange(Options.Stp) }) with { CongestionLevel = 2 });
        var congested = Assert.Single(rig.TakeEvents());
        Assert.Equal("event=route-congested pc=2049 level=2", congested.ToString());
        Assert.Equal(ManagementEventSeverity.Warning, congested.Severity);
        Assert.Equal(2, rig.Management.GetRouteStatus(Options.Stp).CongestionLevel);
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable);

        rig.Advance(6);
        rig.Receive(Ssnm(M3uaMessageType.Scon, Options.Stp)); // ITU: no level, counts as 1, renews the abatement
        Assert.Equal(1, Assert.Single(rig.TakeEvents()).CongestionLevel);
        rig.Advance(9.9);
        Assert.Empty(rig.TakeEvents());
        rig.Advance(0.1);
        var abated = Assert.Single(rig.TakeEvents());
        Assert.Equal(M3uaManagementEventKind.RouteCongested, abated.Kind);
        Assert.Equal(0, abated.CongestionLevel);
        Assert.Equal(0, rig.Management.GetRouteStatus(Options.Stp).CongestionLevel);
        Assert.Equal(0, rig.Time.ActiveTimers);
    }

    [Fact]
    public void Scon_with_level_zero_ends_congestion_at_once()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Scon, new[] { new PointCodeRange(Options.Stp) }) with { CongestionLevel = 3 });
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Scon, new[] { new PointCodeRange(Options.Stp) }) with { CongestionLevel = 0 });
        Assert.Equal([3, 0], rig.TakeEvents().Select(e => (int)e.CongestionLevel));
        Assert.Equal(0, rig.Time.ActiveTimers);
    }

    [Fact]
    public void Dupu_reports_the_user_part_and_cause()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Dupu, new[] { new PointCodeRange(Options.Stp) }) with
        {
            User = 5,
            Cause = UnavailabilityCause.InaccessibleRemoteUser,
        });
        var dupu = Assert.Single(rig.TakeEvents());
        Assert.Equal("event=user-part-unavailable pc=2049 user=5 cause=inaccessible-remote-user", dupu.ToString());
        var status = rig.Management.GetRouteStatus(Options.Stp);
        Assert.True(status.Reachable); // MTP is fine; ISUP's user part test takes it from here
        Assert.Equal((ushort)5, status.UnavailableUser);
        Assert.Equal(UnavailabilityCause.InaccessibleRemoteUser, status.UserCause);

        rig.Receive(Ssnm(M3uaMessageType.Dava, Options.Stp));
        Assert.Null(rig.Management.GetRouteStatus(Options.Stp).UnavailableUser);
    }

    [Fact]
    public void A_duna_before_the_as_is_active_holds_when_traffic_starts()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Receive(Ssnm(M3uaMessageType.Duna, Options.Stp)); // SGPs tell newly up ASPs what is unreachable
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { Options.Rc }));
        var available = rig.TakeEvents().Where(e => e.Kind == M3uaManagementEventKind.RouteAvailable).Select(e => e.PointCode);
        Assert.Equal([Options.Switch], available);
        Assert.False(rig.Management.GetRouteStatus(Options.Stp).Reachable);
    }

    [Fact]
    public void A_new_association_forgets_what_the_last_one_said()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(Ssnm(M3uaMessageType.Duna, Options.Stp));
        rig.Management.AssociationDown();
        var status = rig.Management.GetRouteStatus(Options.Stp);
        Assert.Equal(DestinationAvailability.Unavailable, status.Availability);
        Assert.Equal(DestinationAvailability.Available, status.Signalled); // what the old SGP said is gone
        rig.TakeSent();
        rig.TakeEvents();
        rig.BringUp();
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable);
    }

    [Fact]
    public void Ssnm_naming_routing_contexts_concerns_only_their_destinations()
    {
        var options = Options.Asp() with
        {
            RoutingContexts = [7, 8],
            Destinations = [new DestinationOptions(Options.Stp, 7), new DestinationOptions(Options.Switch, 8)],
        };
        var rig = new Rig(options);
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(0x0800, 4) }, new uint[] { 8 }));
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable);
        Assert.False(rig.Management.GetRouteStatus(Options.Switch).Reachable);
        Assert.Equal(7u, rig.Management.GetRouteStatus(Options.Stp).RoutingContext);
    }

    [Fact]
    public void A_destination_of_an_as_that_stops_becomes_unavailable()
    {
        var options = Options.Asp() with
        {
            RoutingContexts = [7, 8],
            Destinations = [new DestinationOptions(Options.Stp, 7), new DestinationOptions(Options.Switch, 8)],
        };
        var rig = new Rig(options);
        rig.BringUp();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsPending, new uint[] { 8 }));
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable);
        Assert.False(rig.Management.GetRouteStatus(Options.Switch).Reachable);
    }

    [Fact]
    public void Ssnm_with_another_network_appearance_is_refused()
    {
        var rig = new Rig(Options.Asp() with { NetworkAppearance = 2 });
        rig.BringUp();
        rig.Receive(Ssnm(M3uaMessageType.Duna, Options.Stp) with { NetworkAppearance = 3 });
        var error = rig.TakeOnly();
        Assert.Equal(M3uaErrorCode.InvalidNetworkAppearance, error.ErrorCode);
        Assert.Equal(2u, error.NetworkAppearance);
        Assert.True(rig.Management.GetRouteStatus(Options.Stp).Reachable);
        rig.Receive(Ssnm(M3uaMessageType.Duna, Options.Stp) with { NetworkAppearance = 2 });
        Assert.False(rig.Management.GetRouteStatus(Options.Stp).Reachable);
    }

    [Fact]
    public void Ssnm_before_our_asp_is_up_is_unexpected()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.TakeSent();
        rig.Receive(Ssnm(M3uaMessageType.Duna, Options.Stp));
        Assert.Equal(M3uaErrorCode.UnexpectedMessage, rig.TakeOnly().ErrorCode);
    }

    [Theory]
    [InlineData(0x1230, 0, 0x1230, true)]
    [InlineData(0x1230, 0, 0x1231, false)]
    [InlineData(0x1230, 3, 0x1237, true)]
    [InlineData(0x1230, 3, 0x1238, false)]
    [InlineData(0x1230, 3, 0x122F, false)]
    [InlineData(0x1230, 24, 0x3FFF, true)]
    [InlineData(0x1230, 255, 0x0001, true)]
    public void A_mask_wildcards_the_low_bits(int pointCode, int mask, int candidate, bool covered) =>
        Assert.Equal(covered, new PointCodeRange(pointCode, (byte)mask).Covers(candidate));

    [Fact]
    public void An_affected_point_code_round_trips_its_wire_value()
    {
        var entry = new PointCodeRange(0x3FFF, 2);
        Assert.Equal(0x0200_3FFFu, entry.WireValue);
        Assert.Equal(entry, PointCodeRange.FromWireValue(0x0200_3FFF));
        Assert.Equal("16383/2", entry.ToString());
    }
    [Theory]
    [InlineData(M3uaMessageType.Drst, M3uaManagementEventKind.RouteRestricted)]
    [InlineData(M3uaMessageType.Scon, M3uaManagementEventKind.RouteCongested)]
    [InlineData(M3uaMessageType.Dupu, M3uaManagementEventKind.UserPartUnavailable)]
    public void Every_ssnm_message_honours_the_mask(M3uaMessageType type, M3uaManagementEventKind kind)
    {
        var rig = new Rig(Options.Asp() with { Destinations = [new(Options.Stp), new(Options.Switch), new(0x0810)] });
        rig.BringUp();
        rig.Receive(Ssnm(type, 0x0800, mask: 2) with { User = 5, Cause = UnavailabilityCause.UnequippedRemoteUser }); // 0x0800–0x0803
        var concerned = rig.TakeEvents().Where(e => e.Kind == kind).Select(e => e.PointCode).Order();
        Assert.Equal([Options.Stp, Options.Switch], concerned);
        Assert.Empty(rig.TakeSent());
    }
}
