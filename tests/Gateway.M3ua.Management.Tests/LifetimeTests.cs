namespace Gateway.M3ua.Management.Tests;

/// <summary>No timer outlives what it served: after the association goes down, or the management is disposed, none is armed.</summary>
public sealed class LifetimeTests
{
    private static ManagementTimerSettings Everything(ManagementTimerSettings settings) =>
        settings with { HeartbeatInterval = TimeSpan.FromSeconds(10), AuditInterval = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(ManagementRole.Asp, ExchangeMode.Single)]
    [InlineData(ManagementRole.IpspClient, ExchangeMode.Single)]
    [InlineData(ManagementRole.IpspClient, ExchangeMode.Double)]
    [InlineData(ManagementRole.IpspServer, ExchangeMode.Double)]
    public void Every_timer_stops_when_the_association_goes_down_mid_procedure(ManagementRole role, ExchangeMode exchange)
    {
        var options = Options.Ipsp(role, exchange) with { Timers = Everything(ManagementTimerSettings.Default) };
        var rig = new Rig(options);
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Scon, new[] { new PointCodeRange(Options.Stp) }));
        rig.Management.Deactivate(); // ASPIA outstanding: T(ack) running
        Assert.Equal(3, rig.Time.ActiveTimers); // T(ack), heartbeat, congestion
        rig.TakeSent();
        rig.AssertQuiescentAfterDown();
        rig.Advance(600);
        Assert.Empty(rig.TakeSent());
        Assert.Equal(0, rig.Time.ActiveTimers);
    }

    [Fact]
    public void An_audit_in_progress_stops_with_the_association()
    {
        var rig = new Rig(Options.Asp(Everything));
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(Options.Stp) }));
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Scon, new[] { new PointCodeRange(Options.Switch) }) with { CongestionLevel = 1 });
        Assert.Equal(3, rig.Time.ActiveTimers); // heartbeat, audit, congestion
        rig.AssertQuiescentAfterDown();
        rig.Advance(600);
        Assert.Empty(rig.TakeSent());
    }

    [Fact]
    public void Disposing_stops_every_timer_and_silences_the_management()
    {
        var rig = new Rig(Options.Asp(Everything));
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(Options.Stp) }));
        rig.Management.Deactivate();
        rig.TakeSent();
        rig.TakeEvents();
        rig.Management.Dispose();
        Assert.Equal(0, rig.Time.ActiveTimers);
        rig.Advance(600);
        rig.Receive(M3uaSignal.Heartbeat(M3uaMessageType.Beat, new byte[] { 1 }));
        rig.Management.AssociationUp();
        Assert.Empty(rig.TakeSent());
        Assert.Empty(rig.TakeEvents());
        rig.Management.Dispose(); // twice is harmless
    }

    [Fact]
    public void A_sink_may_call_straight_back_in()
    {
        var time = new Gateway.Testing.ManualTimeProvider();
        var reentrant = new ReentrantSink();
        var management = new M3uaManagement(Options.Asp(), reentrant, reentrant, time);
        reentrant.Management = management;
        management.AssociationUp();
        Assert.Contains(M3uaMessageType.AspAc, reentrant.Sent); // the ASPUP ACK given from inside Send was handled
        Assert.Equal(AspState.ActiveSent, management.State);
    }

    private sealed class ReentrantSink : IM3uaSignalSink, IM3uaManagementEventSink
    {
        public M3uaManagement? Management { get; set; }

        public List<M3uaMessageType> Sent { get; } = [];

        public void Send(in M3uaSignal signal)
        {
            Sent.Add(signal.Type);
            if (signal.Type == M3uaMessageType.AspUp)
            {
                Management!.Receive(M3uaSignal.Of(M3uaMessageType.AspUpAck));
            }
        }

        public void Report(in M3uaManagementEvent managementEvent) => _ = Management!.TrafficMayFlow();
    }
}
