namespace Gateway.M3ua.Management.Tests;

/// <summary>BEAT and BEAT ACK (RFC 4666 §3.5.5–§3.5.6): ours with echo checking and a miss limit, the peer's always answered.</summary>
public sealed class HeartbeatTests
{
    private static Rig Beating(int missLimit = 3) =>
        new(Options.Asp(t => Options.Quiet(t) with { HeartbeatInterval = TimeSpan.FromSeconds(10), HeartbeatMissLimit = missLimit }));

    [Fact]
    public void A_beat_goes_every_interval_with_fresh_data_and_answered_beats_keep_the_association()
    {
        var rig = Beating();
        rig.BringUp();
        var seen = new HashSet<string>();
        for (int i = 0; i < 20; i++)
        {
            rig.Advance(9.999);
            Assert.Empty(rig.TakeSent());
            rig.Advance(0.001);
            var beat = rig.TakeOnly();
            Assert.Equal(M3uaMessageType.Beat, beat.Type);
            Assert.True(seen.Add(Convert.ToHexString(beat.HeartbeatData.Span)), "each BEAT carries new data");
            rig.Receive(M3uaSignal.Heartbeat(M3uaMessageType.BeatAck, beat.HeartbeatData.ToArray()));
        }

        Assert.DoesNotContain(rig.TakeEvents(), e => e.Kind == M3uaManagementEventKind.AssociationDead);
        Assert.True(rig.Management.TrafficMayFlow());
        Assert.Equal(20, rig.Management.Counters.HeartbeatsSent);
    }

    [Fact]
    public void Unanswered_beats_declare_the_association_dead_after_the_miss_limit()
    {
        var rig = Beating(missLimit: 3);
        rig.BringUp();
        rig.Advance(10); // BEAT 1
        rig.Advance(10); // BEAT 1 missed, BEAT 2
        rig.Advance(10); // BEAT 2 missed, BEAT 3
        Assert.Equal(3, rig.TakeSent().Count(s => s.Type == M3uaMessageType.Beat));
        Assert.False(rig.Reported(M3uaManagementEventKind.AssociationDead));

        rig.Advance(10); // BEAT 3 missed: three in a row
        Assert.Empty(rig.TakeSent());
        var events = rig.TakeEvents();
        var dead = events.First();
        Assert.Equal(M3uaManagementEventKind.AssociationDead, dead.Kind);
        Assert.Equal(3, dead.Count);
        Assert.Equal("event=association-dead count=3", dead.ToString());
        Assert.Contains(events, e => e.Kind == M3uaManagementEventKind.TrafficStopped);
        Assert.False(rig.Management.TrafficMayFlow());
        Assert.False(rig.Management.IsAssociationUp);
        Assert.Equal(0, rig.Time.ActiveTimers);
    }

    [Fact]
    public void One_answered_beat_resets_the_miss_count()
    {
        var rig = Beating(missLimit: 2);
        rig.BringUp();
        rig.Advance(10);
        rig.Advance(10); // one miss
        var beat = rig.TakeSent().Last();
        rig.Receive(M3uaSignal.Heartbeat(M3uaMessageType.BeatAck, beat.HeartbeatData.ToArray()));
        rig.Advance(10); // answered: no miss, BEAT 3
        rig.Advance(10); // one miss again
        Assert.False(rig.Reported(M3uaManagementEventKind.AssociationDead));
        rig.Advance(10);
        Assert.True(rig.Reported(M3uaManagementEventKind.AssociationDead));
    }

    [Fact]
    public void A_beat_ack_with_other_data_is_ignored_and_counted()
    {
        var rig = Beating(missLimit: 2);
        rig.BringUp();
        rig.Advance(10);
        rig.TakeSent();
        rig.Receive(M3uaSignal.Heartbeat(M3uaMessageType.BeatAck, new byte[] { 1, 2, 3 }));
        var mismatch = Assert.Single(rig.TakeEvents());
        Assert.Equal("event=heartbeat-mismatch count=1", mismatch.ToString());
        Assert.Equal(1, rig.Management.Counters.HeartbeatMismatches);
        rig.Advance(20);
        Assert.True(rig.Reported(M3uaManagementEventKind.AssociationDead)); // it proved nothing
    }

    [Fact]
    public void The_peers_beat_is_answered_with_its_data_in_every_state()
    {
        var rig = new Rig(Options.Asp());
        byte[] data = [0xDE, 0xAD, 0xBE, 0xEF];
        rig.Receive(M3uaSignal.Heartbeat(M3uaMessageType.Beat, data)); // before the association is even up
        var ack = rig.TakeOnly();
        data[0] = 0; // the receive buffer is reused: the echo must not change with it
        Assert.Equal(M3uaMessageType.BeatAck, ack.Type);
        Assert.Equal([0xDE, 0xAD, 0xBE, 0xEF], ack.HeartbeatData.ToArray());

        rig.BringUp();
        rig.Receive(M3uaSignal.Heartbeat(M3uaMessageType.Beat, new byte[] { 7 }));
        Assert.Equal([7], rig.TakeOnly().HeartbeatData.ToArray());
        rig.Receive(M3uaSignal.Of(M3uaMessageType.Beat)); // no data: an empty echo
        Assert.True(rig.TakeOnly().HeartbeatData.IsEmpty);
    }

    [Fact]
    public void Heartbeats_run_from_association_up_in_any_asp_state_and_stop_when_it_goes_down()
    {
        var rig = Beating();
        rig.Management.AssociationUp();
        rig.TakeSent();
        rig.Receive(M3uaMessageType.AspUpAck);
        rig.Management.Deactivate();
        rig.Management.AssociationUp(); // idempotent while up
        rig.TakeSent();
        rig.Advance(10);
        Assert.Contains(rig.TakeSent(), s => s.Type == M3uaMessageType.Beat);
        rig.AssertQuiescentAfterDown();
    }
}
