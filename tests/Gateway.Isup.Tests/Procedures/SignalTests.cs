using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>The small value types of the boundary with the codec.</summary>
public sealed class SignalTests
{
    [Fact]
    public void Status_bits_cover_256_circuits_and_count_the_ones_set()
    {
        CircuitStatusBits bits = CircuitStatusBits.None.With(0).With(63).With(64).With(255);

        Assert.Equal(4, bits.Count);
        Assert.True(bits[255] && bits[64] && bits[63] && bits[0]);
        Assert.False(bits[1]);
        Assert.Equal(CircuitStatusBits.None.With(0).With(63), bits.Truncate(64));
        Assert.Equal(32, CircuitStatusBits.FirstCircuits(32).Count);
        Assert.Equal("101", CircuitStatusBits.None.With(0).With(2).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => bits.With(256));
    }

    [Fact]
    public void Message_compatibility_reads_the_instruction_indicators()
    {
        var compatibility = new MessageCompatibility(0b0001_1110);

        Assert.True(compatibility.IsPresent);
        Assert.True(compatibility.ReleaseCall && compatibility.SendNotification && compatibility.DiscardMessage && compatibility.DiscardWhenPassOnNotPossible);
        Assert.False(default(MessageCompatibility).IsPresent);
    }

    [Fact]
    public void A_maintenance_event_renders_as_one_key_value_line()
    {
        var alarm = new IsupMaintenanceEvent(
            IsupMaintenanceEventKind.ReleaseCompleteOverdue, 100, 17, state: CircuitState.AwaitingRlc, timer: IsupTimer.T5, action: IsupMaintenanceAction.Reset);

        Assert.Equal("event=release-complete-overdue dpc=100 cic=17 state=AwaitingRlc timer=T5 action=reset", alarm.ToString());
        Assert.Equal(IsupEventSeverity.Alarm, alarm.Severity);
    }

    [Fact]
    public void Every_maintenance_event_kind_has_a_log_word()
    {
        foreach (IsupMaintenanceEventKind kind in Enum.GetValues<IsupMaintenanceEventKind>())
        {
            string name = new IsupMaintenanceEvent(kind, 1).Name;
            Assert.Matches("^[a-z]+(-[a-z]+)*$", name);
        }

        Assert.Equal(Enum.GetValues<IsupMaintenanceEventKind>().Length, Enum.GetValues<IsupMaintenanceEventKind>().Select(k => new IsupMaintenanceEvent(k, 1).Name).Distinct().Count());
    }
}
