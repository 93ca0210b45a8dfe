using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>User part availability (digest §2.6): UPT every T4 while the peer's ISUP is inaccessible; any message brings it back.</summary>
public sealed class UserPartAvailabilityTests
{
    [Fact]
    public void An_inaccessible_peer_gets_no_calls_and_a_UPT_every_T4_until_it_answers()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Exchange.UserPartUnavailable(harness.Dpc, unequipped: false);

        Assert.Equal(["UPT cic=1"], harness.Signals.TakeText());
        Assert.False(harness.Exchange.IsOffering(harness.Dpc));
        Assert.False(harness.TrySeize(out _));
        harness.Advance(harness.Timers.T4);
        Assert.Equal(["UPT cic=1"], harness.Signals.TakeText());

        harness.Receive(IsupMessageType.UPA, 1);
        Assert.True(harness.Exchange.IsOffering(harness.Dpc));
        Assert.Contains(harness.Maintenance.Take(), e => e.Kind == IsupMaintenanceEventKind.UserPartAvailable);
        harness.AssertQuiescent();
    }

    [Fact]
    public void An_unequipped_user_part_raises_an_alarm_and_is_not_tested()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Exchange.UserPartUnavailable(harness.Dpc, unequipped: true);

        Assert.Empty(harness.Signals.Take());
        Assert.Equal(IsupEventSeverity.Alarm, Assert.Single(harness.Maintenance.Take()).Severity);
        Assert.False(harness.Exchange.IsOffering(harness.Dpc));
        harness.ReceiveRelease(4); // any message shows the ISUP is there
        Assert.True(harness.Exchange.IsOffering(harness.Dpc));
    }

    [Fact]
    public void UPT_is_answered_with_UPA()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();

        harness.Receive(IsupMessageType.UPT, 3);

        Assert.Equal(["UPA cic=3"], harness.Signals.TakeText());
    }
}
