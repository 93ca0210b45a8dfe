namespace Gateway.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.2.2, in virtual time.</summary>
public sealed class NonInviteServerTransactionTests : TransactionScenarioTests
{
    private static readonly ReadOnlyMemory<byte> Trying = TestMessage.Bytes("100 Trying");
    private static readonly ReadOnlyMemory<byte> Ok = TestMessage.Bytes("200 OK");

    [Fact]
    public void In_Trying_retransmissions_are_discarded_and_no_timer_runs()
    {
        var tx = Create();

        tx.ReceiveRetransmission();
        Clock.AdvanceTo(120_000);
        tx.ReceiveRetransmission();

        Assert.Equal(NonInviteServerState.Trying, tx.State);
        Assert.Empty(Sink.Events);
        Assert.Equal(0, Clock.CreatedTimers);
    }

    [Fact]
    public void A_provisional_moves_to_Proceeding_where_retransmissions_get_the_last_provisional()
    {
        var tx = Create();
        Clock.AdvanceTo(3_000);

        Assert.True(tx.SendResponse(100, Trying));
        Assert.Equal(NonInviteServerState.Proceeding, tx.State);
        Clock.AdvanceTo(3_500);
        tx.ReceiveRetransmission();
        Assert.True(tx.SendResponse(101, TestMessage.Bytes("101 Progress")));
        Clock.AdvanceTo(4_000);
        tx.ReceiveRetransmission();

        Assert.Equal(["3000ms send 100 Trying", "3500ms send 100 Trying", "3500ms send 101 Progress", "4000ms send 101 Progress"], Sink.Events);
    }

    [Theory]
    [InlineData(false, 200)]
    [InlineData(true, 200)]
    [InlineData(false, 481)]
    [InlineData(true, 503)]
    public void The_final_response_moves_to_Completed_where_retransmissions_get_it_again_until_Timer_J(bool afterProvisional, int status)
    {
        var tx = Create();
        if (afterProvisional)
        {
            tx.SendResponse(100, Trying);
        }

        Sink.Clear();
        var final = TestMessage.Bytes($"{status} final");

        Assert.True(tx.SendResponse(status, final));
        Assert.Equal(NonInviteServerState.Completed, tx.State);
        Clock.AdvanceTo(10_000);
        tx.ReceiveRetransmission();
        Clock.AdvanceTo(31_999);
        Assert.Equal(NonInviteServerState.Completed, tx.State);
        Clock.AdvanceTo(32_000);

        Assert.Equal([$"0ms send {status} final", $"10000ms send {status} final", "32000ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Over_TCP_the_final_response_ends_the_transaction_at_once_because_Timer_J_is_zero()
    {
        var tx = Create(reliable: true);

        tx.SendResponse(200, Ok);

        Assert.Equal(["0ms send 200 OK", "0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Timer_J_is_64_T1()
    {
        var tx = Create(timers: new SipTimerSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        tx.SendResponse(200, Ok);

        Clock.AdvanceTo(63_999);
        Assert.Equal(NonInviteServerState.Completed, tx.State);
        Clock.AdvanceTo(64_000);
        Assert.Equal(NonInviteServerState.Terminated, tx.State);
    }

    [Fact]
    public void Responses_after_the_final_one_are_refused()
    {
        var tx = Create();
        tx.SendResponse(200, Ok);

        Assert.False(tx.SendResponse(100, Trying));
        Assert.False(tx.SendResponse(500, TestMessage.Bytes("500")));
        Assert.Throws<ArgumentOutOfRangeException>(() => tx.SendResponse(0, Ok));
        tx.ReceiveRetransmission();

        Assert.Equal(["0ms send 200 OK", "0ms send 200 OK"], Sink.Events);
    }

    [Theory]
    [InlineData("Trying")]
    [InlineData("Proceeding")]
    [InlineData("Completed")]
    public void A_transport_error_ends_the_transaction_in_any_state_and_tells_the_TU(string state)
    {
        var tx = Create();
        switch (state)
        {
            case "Proceeding": tx.SendResponse(100, Trying); break;
            case "Completed": tx.SendResponse(200, Ok); break;
        }

        Assert.Equal(state, tx.State.ToString());
        AssertTransportErrorEndsIt(tx);
    }

    [Fact]
    public void Abandoning_ends_the_transaction_quietly_and_later_events_are_ignored()
    {
        var tx = Create();
        tx.SendResponse(100, Trying);
        Sink.Clear();

        tx.Abandon();
        Assert.False(tx.SendResponse(200, Ok));
        tx.ReceiveRetransmission();
        tx.TransportError();

        Assert.Equal(["0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void The_TU_may_respond_from_inside_a_callback()
    {
        var tx = Create(reliable: true);
        Sink.OnCallback = what =>
        {
            if (what == "send 100 Trying")
            {
                Assert.True(tx.SendResponse(200, Ok));
            }
        };

        tx.SendResponse(100, Trying);

        Assert.Equal(["0ms send 100 Trying", "0ms send 200 OK", "0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    private NonInviteServerTransaction Create(bool reliable = false, SipTimerSettings? timers = null) =>
        new(Sink, timers ?? SipTimerSettings.Default, reliable, Clock);
}
