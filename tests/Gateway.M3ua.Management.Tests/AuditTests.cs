namespace Gateway.M3ua.Management.Tests;

/// <summary>DAUD (RFC 4666 §3.4.3): our audit of destinations not known to be available, and the peer's audit of us.</summary>
public sealed class AuditTests
{
    private static Rig Auditing(M3uaManagementOptions? options = null) =>
        new((options ?? Options.Asp()) with { Timers = Options.Quiet(ManagementTimerSettings.Default) with { AuditInterval = TimeSpan.FromSeconds(30) } });

    [Fact]
    public void An_unavailable_destination_is_audited_every_interval_until_available()
    {
        var rig = Auditing();
        rig.BringUp();
        rig.Advance(60);
        Assert.Empty(rig.TakeSent()); // all available: no audit
        Assert.Equal(0, rig.Time.ActiveTimers);

        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(Options.Stp) }));
        rig.Advance(29.999);
        Assert.Empty(rig.TakeSent());
        rig.Advance(0.001);
        var daud = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.Daud, daud.Type);
        Assert.Equal([new PointCodeRange(Options.Stp)], daud.AffectedPointCodes.ToArray());
        rig.Advance(30);
        Assert.Equal(M3uaMessageType.Daud, rig.TakeOnly().Type);

        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Dava, new[] { new PointCodeRange(Options.Stp) }));
        Assert.Equal(0, rig.Time.ActiveTimers);
        rig.Advance(60);
        Assert.Empty(rig.TakeSent());
    }

    [Fact]
    public void Restricted_destinations_are_audited_too_in_one_daud_per_as()
    {
        var options = Options.Asp() with
        {
            RoutingContexts = [7, 8],
            Destinations = [new DestinationOptions(Options.Stp, 7), new DestinationOptions(Options.Switch, 8), new DestinationOptions(0x0900)],
            NetworkAppearance = 2,
        };
        var rig = Auditing(options);
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(Options.Stp), new PointCodeRange(0x0900) }));
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Drst, new[] { new PointCodeRange(Options.Switch) }));
        rig.TakeSent();
        rig.Advance(30);
        var audits = rig.TakeSent();
        Assert.All(audits, a => Assert.Equal(M3uaMessageType.Daud, a.Type));
        Assert.All(audits, a => Assert.Equal(2u, a.NetworkAppearance));
        Assert.Equal(3, audits.Count);
        Assert.Contains(audits, a => a.RoutingContexts.IsEmpty && a.AffectedPointCodes.Span[0].PointCode == 0x0900);
        Assert.Contains(audits, a => a.RoutingContexts.ToArray().SequenceEqual([7u]) && a.AffectedPointCodes.Span[0].PointCode == Options.Stp);
        Assert.Contains(audits, a => a.RoutingContexts.ToArray().SequenceEqual([8u]) && a.AffectedPointCodes.Span[0].PointCode == Options.Switch);
    }

    [Fact]
    public void No_audit_while_our_asp_is_not_active_or_when_disabled()
    {
        var rig = Auditing();
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(Options.Stp) }));
        rig.Management.Deactivate();
        rig.Receive(M3uaSignal.Of(M3uaMessageType.AspIaAck));
        rig.TakeSent();
        rig.Advance(60);
        Assert.Empty(rig.TakeSent());

        var quiet = new Rig(Options.Asp());
        quiet.BringUp();
        quiet.Receive(M3uaSignal.Destinations(M3uaMessageType.Duna, new[] { new PointCodeRange(Options.Stp) }));
        quiet.Advance(300);
        Assert.Empty(quiet.TakeSent());
    }

    [Fact]
    public void An_asp_does_not_expect_daud_from_its_sgp()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignal.Destinations(M3uaMessageType.Daud, new[] { new PointCodeRange(Options.Ours) }));
        var error = rig.TakeOnly();
        Assert.Equal(M3uaErrorCode.UnexpectedMessage, error.ErrorCode);
        Assert.Equal("event=error-sent message=DAUD code=unexpected-message", rig.TakeEvents().Single().ToString());
    }

    [Fact]
    public void An_ipsp_answers_daud_for_its_own_point_code_and_knows_nothing_of_others()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.TakeSent();
        rig.Receive(M3uaSignal.Destinations(
            M3uaMessageType.Daud,
            new[] { new PointCodeRange(Options.Ours & ~0x3, 2), new PointCodeRange(0x2000) },
            new[] { Options.Rc }));
        var sent = rig.TakeSent();
        Assert.Equal([M3uaMessageType.Dava, M3uaMessageType.Err], sent.Select(s => s.Type));
        Assert.Equal([new PointCodeRange(Options.Ours)], sent[0].AffectedPointCodes.ToArray());
        Assert.Equal([Options.Rc], sent[0].RoutingContexts.ToArray());
        Assert.Equal(M3uaErrorCode.DestinationStatusUnknown, sent[1].ErrorCode);
        Assert.Equal([new PointCodeRange(0x2000)], sent[1].AffectedPointCodes.ToArray());
    }
}
