namespace Gateway.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.1.1 with RFC 6026's Accepted state, in virtual time.</summary>
public sealed class InviteClientTransactionTests : TransactionScenarioTests
{
    private static readonly ReadOnlyMemory<byte> Ack486 = TestMessage.Bytes("ACK 486");

    [Fact]
    public void Nothing_is_sent_before_Start_and_Start_sends_the_INVITE_in_Calling()
    {
        var tx = Create();
        Assert.Equal(InviteClientState.Created, tx.State);
        Clock.AdvanceMilliseconds(1000);
        Assert.Empty(Sink.Events);

        tx.Start();

        Assert.Equal(InviteClientState.Calling, tx.State);
        Assert.Equal(["1000ms send INVITE"], Sink.Events);
    }

    [Fact]
    public void Starting_twice_is_a_programming_error()
    {
        var tx = Create();
        tx.Start();

        Assert.Throws<InvalidOperationException>(tx.Start);
    }

    [Fact]
    public void Unanswered_over_UDP_the_INVITE_is_retransmitted_with_Timer_A_doubling_until_Timer_B()
    {
        var tx = Create();
        tx.Start();

        Clock.AdvanceTo(31_999);
        Assert.Equal(InviteClientState.Calling, tx.State);
        Clock.AdvanceTo(32_000);

        Assert.Equal(
            ["0ms send INVITE", "500ms send INVITE", "1500ms send INVITE", "3500ms send INVITE", "7500ms send INVITE",
             "15500ms send INVITE", "31500ms send INVITE", "32000ms timed out", "32000ms terminated"],
            Sink.Events);
        Assert.Equal(InviteClientState.Terminated, tx.State);
        AssertReleased(tx);
    }

    [Fact]
    public void Unanswered_over_TCP_the_INVITE_is_sent_once_and_Timer_B_still_times_out()
    {
        var tx = Create(reliable: true);
        tx.Start();

        Clock.AdvanceTo(40_000);

        Assert.Equal(["0ms send INVITE", "32000ms timed out", "32000ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Custom_T1_scales_Timer_A_and_Timer_B()
    {
        var tx = Create(timers: new SipTimerSettings(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        tx.Start();

        Clock.AdvanceTo(20_000);

        Assert.Equal(
            ["0ms send INVITE", "200ms send INVITE", "600ms send INVITE", "1400ms send INVITE", "3000ms send INVITE",
             "6200ms send INVITE", "12600ms send INVITE", "12800ms timed out", "12800ms terminated"],
            Sink.Events);
    }

    [Fact]
    public void A_provisional_response_goes_to_the_TU_and_stops_retransmissions_and_Timer_B()
    {
        var tx = Create();
        tx.Start();
        Clock.AdvanceTo(600);

        tx.ReceiveResponse(100, new("Trying"));
        Assert.Equal(InviteClientState.Proceeding, tx.State);
        tx.ReceiveResponse(180, new("Ringing"));
        tx.ReceiveResponse(183, new("Session Progress"));
        Clock.AdvanceTo(120_000);

        Assert.Equal(
            ["0ms send INVITE", "500ms send INVITE", "600ms response 100 Trying", "600ms response 180 Ringing",
             "600ms response 183 Session Progress"],
            Sink.Events);
        Assert.Equal(InviteClientState.Proceeding, tx.State);
        Assert.Equal(0, Clock.ActiveTimers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_failure_in_Calling_is_ACKed_passed_up_and_Completed(bool afterProvisional)
    {
        var tx = Create();
        tx.Start();
        if (afterProvisional)
        {
            tx.ReceiveResponse(180, new("Ringing"));
        }

        Sink.Clear();
        Clock.AdvanceTo(400); // before Timer A's first retransmission
        tx.ReceiveResponse(486, new("Busy"), Ack486);

        Assert.Equal(InviteClientState.Completed, tx.State);
        Assert.Equal(["400ms send ACK 486", "400ms response 486 Busy"], Sink.Events);
    }

    [Fact]
    public void In_Completed_retransmitted_finals_are_answered_with_the_ACK_and_absorbed_until_Timer_D()
    {
        var tx = Create();
        tx.Start();
        tx.ReceiveResponse(486, new("Busy"), Ack486);
        Sink.Clear();

        Clock.AdvanceTo(2_000);
        tx.ReceiveResponse(486, new("Busy again"), TestMessage.Bytes("ACK other"));
        tx.ReceiveResponse(180, new("late Ringing"));
        tx.ReceiveResponse(200, new("late OK"));
        Clock.AdvanceTo(31_999);
        Assert.Equal(InviteClientState.Completed, tx.State);
        Clock.AdvanceTo(32_000);

        // The ACK of the first final is re-sent; no retransmission of the INVITE, nothing more for the TU.
        Assert.Equal(["2000ms send ACK 486", "32000ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Timer_D_is_64_T1_when_that_is_longer_than_32_seconds_and_never_shorter()
    {
        var slow = Create(timers: new SipTimerSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        slow.Start();
        slow.ReceiveResponse(404, new("Not Found"), Ack486);
        Clock.AdvanceTo(63_999);
        Assert.Equal(InviteClientState.Completed, slow.State);
        Clock.AdvanceTo(64_000);
        Assert.Equal(InviteClientState.Terminated, slow.State);

        var fast = Create(timers: new SipTimerSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        fast.Start();
        fast.ReceiveResponse(404, new("Not Found"), Ack486);
        Clock.AdvanceMilliseconds(31_999);
        Assert.Equal(InviteClientState.Completed, fast.State);
        Clock.AdvanceMilliseconds(1);
        Assert.Equal(InviteClientState.Terminated, fast.State);
    }

    [Fact]
    public void Over_TCP_a_failure_is_ACKed_and_the_transaction_ends_at_once_because_Timer_D_is_zero()
    {
        var tx = Create(reliable: true);
        tx.Start();
        Clock.AdvanceTo(3_000);

        tx.ReceiveResponse(503, new("Unavailable"), Ack486);

        Assert.Equal(InviteClientState.Terminated, tx.State);
        Assert.Equal(["0ms send INVITE", "3000ms send ACK 486", "3000ms response 503 Unavailable", "3000ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_2xx_goes_to_the_TU_and_moves_to_Accepted_without_an_ACK_from_the_transaction(bool afterProvisional)
    {
        var tx = Create();
        tx.Start();
        if (afterProvisional)
        {
            tx.ReceiveResponse(180, new("Ringing"));
        }

        Sink.Clear();
        tx.ReceiveResponse(200, new("OK"));

        Assert.Equal(InviteClientState.Accepted, tx.State);
        Assert.Equal(["0ms response 200 OK"], Sink.Events);
    }

    [Fact]
    public void In_Accepted_every_2xx_retransmitted_or_forked_reaches_the_TU_until_Timer_M()
    {
        var tx = Create();
        tx.Start();
        Clock.AdvanceTo(1_000);
        tx.ReceiveResponse(200, new("OK from A"));
        Clock.AdvanceTo(1_500);
        tx.ReceiveResponse(200, new("OK from A"));
        tx.ReceiveResponse(200, new("OK from B"));
        tx.ReceiveResponse(180, new("late Ringing"));
        tx.ReceiveResponse(486, new("Busy from C"), Ack486);
        Clock.AdvanceTo(32_999);
        Assert.Equal(InviteClientState.Accepted, tx.State);
        Clock.AdvanceTo(33_000);

        Assert.Equal(
            ["0ms send INVITE", "500ms send INVITE", "1000ms response 200 OK from A", "1500ms response 200 OK from A",
             "1500ms response 200 OK from B", "33000ms terminated"],
            Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Timer_M_follows_custom_T1()
    {
        var tx = Create(reliable: true, timers: new SipTimerSettings(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        tx.Start();
        tx.ReceiveResponse(202, new("Accepted"));

        Clock.AdvanceTo(15_999);
        Assert.Equal(InviteClientState.Accepted, tx.State);
        Clock.AdvanceTo(16_000);
        Assert.Equal(InviteClientState.Terminated, tx.State);
    }

    [Theory]
    [InlineData("Calling")]
    [InlineData("Proceeding")]
    [InlineData("Completed")]
    [InlineData("Accepted")]
    public void A_transport_error_ends_the_transaction_in_any_state_and_tells_the_TU(string state)
    {
        var tx = Create();
        tx.Start();
        switch (state)
        {
            case "Proceeding": tx.ReceiveResponse(180, new("Ringing")); break;
            case "Completed": tx.ReceiveResponse(480, new("Unavailable"), Ack486); break;
            case "Accepted": tx.ReceiveResponse(200, new("OK")); break;
        }

        Assert.Equal(state, tx.State.ToString());
        AssertTransportErrorEndsIt(tx);
    }

    [Fact]
    public void Abandoning_ends_the_transaction_quietly()
    {
        var tx = Create();
        tx.Start();
        tx.ReceiveResponse(180, new("Ringing"));
        Sink.Clear();

        tx.Abandon();

        Assert.Equal(["0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void A_terminated_transaction_ignores_every_event()
    {
        var tx = Create();
        tx.Start();
        Clock.AdvanceTo(32_000);
        Sink.Clear();

        tx.ReceiveResponse(180, new("Ringing"));
        tx.ReceiveResponse(200, new("OK"));
        tx.ReceiveResponse(486, new("Busy"), Ack486);
        tx.TransportError();
        tx.Abandon();
        tx.Start();
        Clock.AdvanceTo(100_000);

        Assert.Empty(Sink.Events);
        Assert.Equal(1, Sink.TerminatedCount);
        Assert.Equal(InviteClientState.Terminated, tx.State);
    }

    [Fact]
    public void Status_codes_outside_100_to_699_are_dropped_and_a_failure_needs_its_ACK()
    {
        var tx = Create();
        tx.Start();
        Sink.Clear();

        tx.ReceiveResponse(99, new("bogus"));
        tx.ReceiveResponse(700, new("bogus"));
        Assert.Throws<ArgumentException>(() => tx.ReceiveResponse(486, new("Busy")));

        Assert.Empty(Sink.Events);
        Assert.Equal(InviteClientState.Calling, tx.State);
    }

    [Fact]
    public void The_TU_may_call_back_into_the_transaction_from_a_callback()
    {
        var tx = Create();
        Sink.OnCallback = what =>
        {
            if (what == "response 180 Ringing")
            {
                tx.Abandon(); // e.g. the call was released while the 180 was being handled
            }
        };
        tx.Start();

        tx.ReceiveResponse(180, new("Ringing"));

        Assert.Equal(["0ms send INVITE", "0ms response 180 Ringing", "0ms terminated"], Sink.Events);
        Assert.Equal(0, Sink.Overlaps);
    }

    [Fact]
    public void A_transport_that_fails_inside_Send_may_report_it_at_once()
    {
        var tx = Create();
        Sink.OnCallback = what =>
        {
            if (what.StartsWith("send", StringComparison.Ordinal))
            {
                tx.TransportError();
            }
        };

        tx.Start();

        Assert.Equal(["0ms send INVITE", "0ms transport failed", "0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Timers_are_created_once_and_re_armed()
    {
        var tx = Create();
        tx.Start();
        Clock.AdvanceTo(32_000);

        Assert.Equal(2, Clock.CreatedTimers); // Timer A's slot and Timer B's slot, for seven arms
    }

    private InviteClientTransaction<TestMessage> Create(bool reliable = false, SipTimerSettings? timers = null) =>
        new(TestMessage.Bytes("INVITE"), Sink, timers ?? SipTimerSettings.Default, reliable, Clock);
}
