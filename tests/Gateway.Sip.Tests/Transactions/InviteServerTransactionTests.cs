using System.Runtime.CompilerServices;
using System.Text;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.2.1 with RFC 6026's Accepted state, in virtual time.</summary>
public sealed class InviteServerTransactionTests : TransactionScenarioTests
{
    private static readonly ReadOnlyMemory<byte> Ringing = TestMessage.Bytes("180 Ringing");
    private static readonly ReadOnlyMemory<byte> Busy = TestMessage.Bytes("486 Busy");
    private static readonly ReadOnlyMemory<byte> Ok = TestMessage.Bytes("200 OK");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_transaction_sends_100_Trying_at_200_ms_when_the_TU_has_sent_no_provisional(bool reliable)
    {
        var tx = Create(reliable);
        Assert.Equal(InviteServerState.Proceeding, tx.State);

        Clock.AdvanceTo(199);
        Assert.Empty(Sink.Events);
        Clock.AdvanceTo(200);
        Assert.Equal(["200ms send 100 Trying"], Sink.Events);

        Clock.AdvanceTo(120_000);
        Assert.Equal(["200ms send 100 Trying"], Sink.Events);
        Assert.Equal(InviteServerState.Proceeding, tx.State);
        Assert.Equal(0, Clock.ActiveTimers);
    }

    [Fact]
    public void No_100_Trying_when_the_TU_sends_a_provisional_first()
    {
        var tx = Create();
        Clock.AdvanceTo(150);

        Assert.True(tx.SendResponse(180, Ringing));
        Clock.AdvanceTo(10_000);

        Assert.Equal(["150ms send 180 Ringing"], Sink.Events);
    }

    [Fact]
    public void No_100_Trying_when_the_TU_answers_with_a_final_response_first()
    {
        var tx = Create(reliable: true);
        Clock.AdvanceTo(100);

        Assert.True(tx.SendResponse(200, Ok));
        Clock.AdvanceTo(10_000);

        Assert.Equal(["100ms send 200 OK"], Sink.Events);
    }

    [Fact]
    public void The_100_Trying_delay_can_be_shortened()
    {
        var tx = Create(timers: new SipTimerSettings(SipTimerSettings.DefaultT1, SipTimerSettings.DefaultT2, SipTimerSettings.DefaultT4, TimeSpan.FromMilliseconds(50)));

        Clock.AdvanceTo(49);
        Assert.Empty(Sink.Events);
        Clock.AdvanceTo(50);

        Assert.Equal(["50ms send 100 Trying"], Sink.Events);
    }

    [Fact]
    public void In_Proceeding_a_retransmitted_INVITE_gets_the_last_provisional_again()
    {
        var tx = Create();
        Clock.AdvanceTo(500);
        tx.ReceiveRetransmission();
        Clock.AdvanceTo(600);
        tx.SendResponse(180, Ringing);
        tx.SendResponse(183, TestMessage.Bytes("183 Session Progress"));
        Clock.AdvanceTo(1_500);
        tx.ReceiveRetransmission();

        Assert.Equal(
            ["200ms send 100 Trying", "500ms send 100 Trying", "600ms send 180 Ringing", "600ms send 183 Session Progress",
             "1500ms send 183 Session Progress"],
            Sink.Events);
        Assert.Equal(InviteServerState.Proceeding, tx.State);
    }

    [Fact]
    public void An_INVITE_retransmitted_before_any_provisional_is_answered_with_100_Trying_at_once()
    {
        var tx = Create();
        Clock.AdvanceTo(50);

        tx.ReceiveRetransmission();
        Clock.AdvanceTo(1_000);

        Assert.Equal(["50ms send 100 Trying"], Sink.Events);
    }

    [Fact]
    public void A_failure_over_UDP_is_retransmitted_on_Timer_G_capped_at_T2_until_Timer_H()
    {
        var tx = Create();
        tx.SendResponse(180, Ringing);
        Clock.AdvanceTo(1_000);
        Sink.Clear();

        Assert.True(tx.SendResponse(486, Busy));
        Assert.Equal(InviteServerState.Completed, tx.State);
        Clock.AdvanceTo(32_999);
        Assert.Equal(InviteServerState.Completed, tx.State);
        Clock.AdvanceTo(33_000);

        Assert.Equal(
            ["1000ms send 486 Busy", "1500ms send 486 Busy", "2500ms send 486 Busy", "4500ms send 486 Busy",
             "8500ms send 486 Busy", "12500ms send 486 Busy", "16500ms send 486 Busy", "20500ms send 486 Busy",
             "24500ms send 486 Busy", "28500ms send 486 Busy", "32500ms send 486 Busy", "33000ms timed out", "33000ms terminated"],
            Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Custom_T1_and_T2_shape_Timers_G_and_H()
    {
        var tx = Create(timers: new SipTimerSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1)));
        tx.SendResponse(404, TestMessage.Bytes("404"));

        Clock.AdvanceTo(10_000);

        var expected = new List<string> { "0ms send 404", "100ms send 404", "300ms send 404", "700ms send 404" };
        for (int at = 1_100; at < 6_400; at += 400)
        {
            expected.Add($"{at}ms send 404");
        }

        expected.AddRange(["6400ms timed out", "6400ms terminated"]);
        Assert.Equal(expected, Sink.Events);
    }

    [Fact]
    public void In_Completed_a_retransmitted_INVITE_gets_the_final_again_and_the_ACK_confirms()
    {
        var tx = Create();
        tx.SendResponse(486, Busy);
        Clock.AdvanceTo(700);
        tx.ReceiveRetransmission();
        Clock.AdvanceTo(1_600);

        tx.ReceiveAck(new("ACK"));
        Assert.Equal(InviteServerState.Confirmed, tx.State);
        tx.ReceiveAck(new("ACK again"));
        tx.ReceiveRetransmission();
        Clock.AdvanceTo(6_599);
        Assert.Equal(InviteServerState.Confirmed, tx.State);
        Clock.AdvanceTo(6_600);

        // Timer G (due at 500 and 1500) ran until the ACK; the ACKs are the transaction's own, never the TU's.
        Assert.Equal(
            ["0ms send 486 Busy", "500ms send 486 Busy", "700ms send 486 Busy", "1500ms send 486 Busy", "6600ms terminated"],
            Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Over_TCP_the_failure_is_sent_once_and_the_ACK_ends_the_transaction_because_Timer_I_is_zero()
    {
        var tx = Create(reliable: true);
        tx.SendResponse(603, TestMessage.Bytes("603 Decline"));
        Clock.AdvanceTo(2_000);

        tx.ReceiveAck(new("ACK"));

        Assert.Equal(["0ms send 603 Decline", "2000ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Over_TCP_Timer_H_still_gives_up_waiting_for_the_ACK()
    {
        var tx = Create(reliable: true);
        tx.SendResponse(486, Busy);

        Clock.AdvanceTo(40_000);

        Assert.Equal(["0ms send 486 Busy", "32000ms timed out", "32000ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void A_2xx_moves_to_Accepted_where_INVITEs_are_absorbed_the_TU_retransmits_and_ACKs_go_to_the_TU()
    {
        var tx = Create();
        tx.SendResponse(180, Ringing);
        Clock.AdvanceTo(1_000);

        Assert.True(tx.SendResponse(200, Ok));
        Assert.Equal(InviteServerState.Accepted, tx.State);
        Clock.AdvanceTo(1_400);
        tx.ReceiveRetransmission();
        Clock.AdvanceTo(1_500);
        Assert.True(tx.SendResponse(200, Ok)); // the TU's own retransmission (RFC 3261 §13.3.1.4)
        Clock.AdvanceTo(2_000);
        tx.ReceiveAck(new("ACK"));
        Clock.AdvanceTo(32_999);
        Assert.Equal(InviteServerState.Accepted, tx.State);
        Clock.AdvanceTo(33_000);

        Assert.Equal(
            ["0ms send 180 Ringing", "1000ms send 200 OK", "1500ms send 200 OK", "2000ms ack ACK", "33000ms terminated"],
            Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Responses_the_state_does_not_allow_are_refused()
    {
        var tx = Create();
        tx.SendResponse(486, Busy);
        Assert.False(tx.SendResponse(180, Ringing));
        Assert.False(tx.SendResponse(500, TestMessage.Bytes("500")));
        Assert.False(tx.SendResponse(200, Ok));

        var accepted = Create();
        accepted.SendResponse(200, Ok);
        Assert.False(accepted.SendResponse(183, TestMessage.Bytes("183")));
        Assert.False(accepted.SendResponse(486, Busy));

        Assert.Throws<ArgumentOutOfRangeException>(() => accepted.SendResponse(99, Ok));
        Assert.Throws<ArgumentOutOfRangeException>(() => accepted.SendResponse(700, Ok));
        Assert.Equal(["0ms send 486 Busy", "0ms send 200 OK"], Sink.Events);
    }

    [Fact]
    public void An_ACK_in_Proceeding_means_nothing_and_is_dropped()
    {
        var tx = Create();
        tx.SendResponse(180, Ringing);

        tx.ReceiveAck(new("stray ACK"));

        Assert.Equal(InviteServerState.Proceeding, tx.State);
        Assert.Equal(["0ms send 180 Ringing"], Sink.Events);
    }

    [Theory]
    [InlineData("Proceeding")]
    [InlineData("Completed")]
    [InlineData("Confirmed")]
    [InlineData("Accepted")]
    public void A_transport_error_ends_the_transaction_in_any_state_and_tells_the_TU(string state)
    {
        var tx = Create();
        switch (state)
        {
            case "Completed": tx.SendResponse(486, Busy); break;
            case "Confirmed": tx.SendResponse(486, Busy); tx.ReceiveAck(new("ACK")); break;
            case "Accepted": tx.SendResponse(200, Ok); break;
        }

        Assert.Equal(state, tx.State.ToString());
        AssertTransportErrorEndsIt(tx);
    }

    [Fact]
    public void Abandoning_ends_the_transaction_quietly_and_cancels_the_100_Trying()
    {
        var tx = Create();

        tx.Abandon();
        Clock.AdvanceTo(1_000);

        Assert.Equal(["0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void A_terminated_transaction_ignores_every_event()
    {
        var tx = Create(reliable: true);
        tx.SendResponse(486, Busy);
        tx.ReceiveAck(new("ACK"));
        Sink.Clear();

        Assert.False(tx.SendResponse(200, Ok));
        tx.ReceiveRetransmission();
        tx.ReceiveAck(new("ACK"));
        tx.TransportError();
        tx.Abandon();
        Clock.AdvanceTo(100_000);

        Assert.Empty(Sink.Events);
        Assert.Equal(1, Sink.TerminatedCount);
    }

    [Fact]
    public void The_TU_may_respond_from_inside_a_callback()
    {
        var tx = Create(reliable: true);
        Sink.OnCallback = what =>
        {
            switch (what)
            {
                case "send 100 Trying":
                    Assert.True(tx.SendResponse(180, Ringing)); // the 100 Trying went out; the call now rings
                    break;
                case "send 180 Ringing":
                    Assert.True(tx.SendResponse(200, Ok));
                    break;
                case "ack ACK":
                    tx.Abandon(); // the dialog has what it needs: no need to wait for Timer L
                    break;
            }
        };

        Clock.AdvanceTo(200);
        tx.ReceiveAck(new("ACK"));

        Assert.Equal(["200ms send 100 Trying", "200ms send 180 Ringing", "200ms send 200 OK", "200ms ack ACK", "200ms terminated"], Sink.Events);
        Assert.Equal(0, Sink.Overlaps);
        AssertReleased(tx);
    }

    [Fact]
    public void The_100_Trying_response_is_required()
    {
        Assert.Throws<ArgumentException>(() => new InviteServerTransaction<TestMessage>(ReadOnlyMemory<byte>.Empty, Sink, SipTimerSettings.Default, false, Clock));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(486)]
    public void Leaving_Proceeding_lets_go_of_the_100_Trying_and_the_last_provisional(int final)
    {
        // Accepted and Completed last 32 s and never send a 1xx again: the buffers must not live that long.
        (InviteServerTransaction<TestMessage> tx, WeakReference trying, WeakReference ringing) = ProceedingWithOwnBuffers();
        Assert.True(tx.SendResponse(final, final == 200 ? Ok : Busy));
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(trying.IsAlive);
        Assert.False(ringing.IsAlive);
        Assert.Equal(final == 200 ? InviteServerState.Accepted : InviteServerState.Completed, tx.State);
    }

    // A method of its own, so that no local of the test keeps the buffers reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (InviteServerTransaction<TestMessage>, WeakReference, WeakReference) ProceedingWithOwnBuffers()
    {
        byte[] trying = Encoding.UTF8.GetBytes("100 Trying");
        byte[] ringing = Encoding.UTF8.GetBytes("180 Ringing");
        var tx = new InviteServerTransaction<TestMessage>(trying, Sink, SipTimerSettings.Default, false, Clock);
        Clock.AdvanceTo(200);
        Assert.True(tx.SendResponse(180, ringing));
        return (tx, new WeakReference(trying), new WeakReference(ringing));
    }

    private InviteServerTransaction<TestMessage> Create(bool reliable = false, SipTimerSettings? timers = null) =>
        new(TestMessage.Bytes("100 Trying"), Sink, timers ?? SipTimerSettings.Default, reliable, Clock);
}
