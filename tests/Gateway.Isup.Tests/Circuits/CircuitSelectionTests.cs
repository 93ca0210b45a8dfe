using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>The order outgoing calls take circuits in (Q.764 §2.9.1.3), and the preference for the circuits we control.</summary>
public sealed class CircuitSelectionTests
{
    [Theory]
    [InlineData(CircuitSelection.Ascending, false, new[] { 1, 2, 3, 4 })]
    [InlineData(CircuitSelection.Ascending, true, new[] { 2, 4, 1, 3 })]
    [InlineData(CircuitSelection.Descending, false, new[] { 4, 3, 2, 1 })]
    [InlineData(CircuitSelection.Descending, true, new[] { 4, 2, 3, 1 })]
    public void Ascending_and_descending_orders_take_the_controlled_circuits_first_when_asked(CircuitSelection selection, bool preferControlled, int[] expected)
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 4)], selection: selection, preferControlled: preferControlled);
        harness.BringUp();

        int[] taken = [.. Enumerable.Range(0, 4).Select(_ => harness.SeizeOutgoing().Cic)];

        Assert.Equal(expected, taken);
        Assert.False(harness.TrySeize(out _));
    }

    [Fact]
    public void Round_robin_moves_on_after_the_circuit_taken_last()
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 4)], selection: CircuitSelection.RoundRobin, preferControlled: false);
        harness.BringUp();

        var taken = new List<int>();
        for (int i = 0; i < 6; i++)
        {
            IsupCall call = harness.SeizeOutgoing();
            taken.Add(call.Cic);
            harness.CallControl.Release(call, new IsupCause(16));
            harness.Receive(IsupMessageType.RLC, call.Cic);
        }

        Assert.Equal([1, 2, 3, 4, 1, 2], taken);
    }

    [Fact]
    public void Least_recently_used_takes_the_circuit_free_for_longest()
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 4)], selection: CircuitSelection.LeastRecentlyUsed, preferControlled: false);
        harness.BringUp();
        IsupCall first = harness.SeizeOutgoing();
        IsupCall second = harness.SeizeOutgoing();
        Assert.Equal((1, 2), (first.Cic, second.Cic));

        // CIC 2 is freed before CIC 1; 3 and 4 have been free since the reset, longer than either.
        harness.Advance(TimeSpan.FromSeconds(1));
        harness.CallControl.Release(second, new IsupCause(16));
        harness.Receive(IsupMessageType.RLC, 2);
        harness.Advance(TimeSpan.FromSeconds(1));
        harness.CallControl.Release(first, new IsupCause(16));
        harness.Receive(IsupMessageType.RLC, 1);

        int[] taken = [.. Enumerable.Range(0, 4).Select(_ => harness.SeizeOutgoing().Cic)];
        Assert.Equal([3, 4, 2, 1], taken);
    }

    [Fact]
    public void Least_recently_used_takes_the_lower_cic_of_two_freed_at_the_same_instant()
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 4)], selection: CircuitSelection.LeastRecentlyUsed, preferControlled: false);
        harness.BringUp();
        IsupCall first = harness.SeizeOutgoing();
        IsupCall second = harness.SeizeOutgoing();
        harness.Advance(TimeSpan.FromSeconds(1));

        // Freed 2 then 1 without the clock moving: equal idle times, so CIC order decides, as the scan did.
        harness.CallControl.Release(second, new IsupCause(16));
        harness.Receive(IsupMessageType.RLC, 2);
        harness.CallControl.Release(first, new IsupCause(16));
        harness.Receive(IsupMessageType.RLC, 1);

        int[] taken = [.. Enumerable.Range(0, 4).Select(_ => harness.SeizeOutgoing().Cic)];
        Assert.Equal([3, 4, 1, 2], taken);
    }

    [Fact]
    public void Blocked_busy_releasing_and_far_end_unequipped_circuits_are_not_taken()
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 6)], preferControlled: false);
        harness.BringUp();
        harness.Exchange.Block(harness.Dpc, 1);                      // locally blocked
        harness.Receive(IsupMessageType.BLO, 2);                      // remotely blocked
        harness.OfferIncoming(3);                                     // busy
        IsupCall releasing = harness.SeizeOutgoing();                 // takes 4 ...
        Assert.Equal(4, releasing.Cic);
        harness.CallControl.Release(releasing, new IsupCause(16));    // ... and waits for RLC
        IsupCall unequipped = harness.SeizeOutgoing();                // takes 5, which the peer does not have
        harness.Receive(IsupMessageType.UCIC, 5);                     // the call moves to 6

        Assert.Equal(6, unequipped.Cic);
        Assert.False(harness.TrySeize(out _));
        harness.Receive(IsupMessageType.RLC, 4);
        Assert.Equal(4, harness.SeizeOutgoing().Cic);
    }

    [Fact]
    public void A_circuit_to_avoid_is_taken_only_when_no_other_is_free()
    {
        using var harness = new ExchangeHarness(200, 100, cics: [new CircuitCodeRange(1, 2)], preferControlled: false);
        harness.BringUp();

        Assert.True(harness.TrySeize(out IsupCall? first, avoidCic: 1));
        Assert.Equal(2, first.Cic);
        Assert.True(harness.TrySeize(out IsupCall? second, avoidCic: 1));
        Assert.Equal(1, second.Cic);
    }
}
