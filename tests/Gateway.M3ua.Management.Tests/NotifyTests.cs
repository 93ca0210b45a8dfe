namespace Gateway.M3ua.Management.Tests;

/// <summary>NTFY (RFC 4666 §3.8.2): AS state changes, and the "Other" statuses.</summary>
public sealed class NotifyTests
{
    [Fact]
    public void As_pending_stops_traffic_and_as_active_resumes_it()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsPending, new[] { Options.Rc }));
        Assert.Equal(AsState.Pending, rig.Management.GetAsState(Options.Rc));
        Assert.False(rig.Management.TrafficMayFlow());
        var events = rig.TakeEvents();
        Assert.Equal(ManagementEventSeverity.Warning, events[0].Severity);
        Assert.Equal("event=notify-received rc=7 status=as-pending", events[0].ToString());
        Assert.Contains(events, e => e.Kind == M3uaManagementEventKind.TrafficStopped);
        Assert.Empty(rig.TakeSent()); // our ASP is active: nothing to take over

        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { Options.Rc }));
        Assert.True(rig.Management.TrafficMayFlow());
        Assert.Equal(
            [
                M3uaManagementEventKind.NotifyReceived, M3uaManagementEventKind.AsStateChanged, M3uaManagementEventKind.TrafficStarted,
                M3uaManagementEventKind.RouteAvailable, M3uaManagementEventKind.RouteAvailable,
            ],
            rig.TakeEventKinds());
    }

    [Fact]
    public void As_inactive_stops_traffic()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsInactive, new[] { Options.Rc }));
        Assert.Equal(AsState.Inactive, rig.Management.GetAsState(Options.Rc));
        Assert.False(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void Alternate_asp_active_in_override_makes_us_inactive_until_the_as_is_pending()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AlternateAspActive, new[] { Options.Rc }, aspIdentifier: 43));
        Assert.Equal(AspState.Inactive, rig.Management.State);
        Assert.False(rig.Management.TrafficMayFlow());
        Assert.Equal(AsState.Active, rig.Management.GetAsState(Options.Rc)); // the AS is served, by the other ASP
        var events = rig.TakeEvents();
        Assert.Equal("event=notify-received rc=7 status=alternate-asp-active asp_id=43", events[0].ToString());
        Assert.Contains(events, e => e.Kind == M3uaManagementEventKind.ForcedInactive && e.SignalType == M3uaMessageType.Ntfy);
        Assert.Empty(rig.TakeSent()); // no fight over the AS

        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsPending, new[] { Options.Rc })); // the other left: take over
        Assert.Equal(M3uaMessageType.AspAc, rig.TakeOnly().Type);
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { Options.Rc }));
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void Alternate_asp_active_for_one_of_two_as_keeps_the_other()
    {
        var rig = new Rig(Options.Asp() with { RoutingContexts = [7, 8], Destinations = [] });
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new uint[] { 7, 8 }));
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, default)); // no routing context: every AS
        Assert.True(rig.Management.TrafficMayFlow(7));
        Assert.True(rig.Management.TrafficMayFlow(8));

        rig.Receive(M3uaSignal.Notify(NtfyStatus.AlternateAspActive, new uint[] { 8 }));
        Assert.True(rig.Management.TrafficMayFlow(7));
        Assert.False(rig.Management.TrafficMayFlow(8));
        Assert.Equal(AspState.Active, rig.Management.State);
    }

    [Fact]
    public void Insufficient_asp_resources_brings_in_a_standby()
    {
        var rig = new Rig(Options.Asp() with { ActivateOnStart = false, TrafficMode = TrafficMode.Loadshare });
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.TakeSent();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.InsufficientAspResources, new[] { Options.Rc }));
        var aspac = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.AspAc, aspac.Type);
        Assert.Equal(TrafficMode.Loadshare, aspac.TrafficMode);
    }

    [Fact]
    public void A_standby_told_not_to_take_over_stays_inactive()
    {
        var rig = new Rig(Options.Asp() with { ActivateOnStart = false, TakeOverWhenPending = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.TakeSent();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsPending, new[] { Options.Rc }));
        Assert.Empty(rig.TakeSent());
    }

    [Fact]
    public void Asp_failure_is_reported_and_changes_nothing()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AspFailure, new[] { Options.Rc }, aspIdentifier: 43));
        var report = Assert.Single(rig.TakeEvents());
        Assert.Equal("event=notify-received rc=7 status=asp-failure asp_id=43", report.ToString());
        Assert.True(rig.Management.TrafficMayFlow());
        Assert.Empty(rig.TakeSent());
    }

    [Fact]
    public void A_notify_for_a_routing_context_we_do_not_have_is_refused()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsPending, new uint[] { 9 }));
        var error = rig.TakeOnly();
        Assert.Equal(M3uaErrorCode.InvalidRoutingContext, error.ErrorCode);
        Assert.Equal([9u], error.RoutingContexts.ToArray());
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void Where_acknowledgements_decide_an_as_state_notify_is_only_reported()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspClient, ExchangeMode.Single));
        rig.BringUp(notify: false);
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsInactive, new[] { Options.Rc }));
        Assert.True(rig.Management.TrafficMayFlow());
        Assert.Equal([M3uaManagementEventKind.NotifyReceived], rig.TakeEventKinds());
    }

    [Fact]
    public void The_notify_an_sgp_sends_after_aspup_ack_sets_the_as_state()
    {
        var rig = new Rig(Options.Asp() with { ActivateOnStart = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsInactive, new[] { Options.Rc }));
        Assert.Equal(AsState.Inactive, rig.Management.GetAsState(Options.Rc));
        rig.Receive(M3uaSignal.Notify(NtfyStatus.AsActive, new[] { Options.Rc }));
        Assert.Equal(AsState.Active, rig.Management.GetAsState(Options.Rc));
        Assert.False(rig.Management.TrafficMayFlow()); // the AS is active, but not through us
    }
}
