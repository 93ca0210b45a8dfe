namespace Gateway.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.1.2, in virtual time.</summary>
public sealed class NonInviteClientTransactionTests : TransactionScenarioTests
{
    [Fact]
    public void Nothing_is_sent_before_Start_and_Start_sends_the_request_in_Trying()
    {
        var tx = Create();
        Assert.Equal(NonInviteClientState.Created, tx.State);
        Assert.Empty(Sink.Events);

        tx.Start();

        Assert.Equal(NonInviteClientState.Trying, tx.State);
        Assert.Equal(["0ms send OPTIONS"], Sink.Events);
        Assert.Throws<InvalidOperationException>(tx.Start);
    }

    [Fact]
    public void Unanswered_over_UDP_Timer_E_doubles_up_to_T2_until_Timer_F()
    {
        var tx = Create();
        tx.Start();

        Clock.AdvanceTo(31_999);
        Assert.Equal(NonInviteClientState.Trying, tx.State);
        Clock.AdvanceTo(32_000);

        Assert.Equal(
            ["0ms send OPTIONS", "500ms send OPTIONS", "1500ms send OPTIONS", "3500ms send OPTIONS", "7500ms send OPTIONS",
             "11500ms send OPTIONS", "15500ms send OPTIONS", "19500ms send OPTIONS", "23500ms send OPTIONS",
             "27500ms send OPTIONS", "31500ms send OPTIONS", "32000ms timed out", "32000ms terminated"],
            Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Unanswered_over_TCP_the_request_is_sent_once_and_Timer_F_times_out()
    {
        var tx = Create(reliable: true);
        tx.Start();

        Clock.AdvanceTo(60_000);

        Assert.Equal(["0ms send OPTIONS", "32000ms timed out", "32000ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void In_Proceeding_the_request_is_retransmitted_every_T2_and_Timer_F_keeps_running()
    {
        var tx = Create();
        tx.Start();
        Clock.AdvanceTo(700);

        tx.ReceiveResponse(100, new("Trying"));
        Assert.Equal(NonInviteClientState.Proceeding, tx.State);
        Clock.AdvanceTo(32_000);

        Assert.Equal(
            ["0ms send OPTIONS", "500ms send OPTIONS", "700ms response 100 Trying", "1500ms send OPTIONS",
             "5500ms send OPTIONS", "9500ms send OPTIONS", "13500ms send OPTIONS", "17500ms send OPTIONS",
             "21500ms send OPTIONS", "25500ms send OPTIONS", "29500ms send OPTIONS", "32000ms timed out", "32000ms terminated"],
            Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Every_provisional_response_goes_to_the_TU()
    {
        var tx = Create();
        tx.Start();

        tx.ReceiveResponse(100, new("Trying"));
        tx.ReceiveResponse(100, new("Trying again"));

        Assert.Equal(["0ms send OPTIONS", "0ms response 100 Trying", "0ms response 100 Trying again"], Sink.Events);
    }

    [Theory]
    [InlineData(false, 200)]
    [InlineData(true, 200)]
    [InlineData(false, 404)]
    [InlineData(true, 503)]
    public void The_final_response_goes_to_the_TU_once_then_retransmissions_are_absorbed_until_Timer_K(bool afterProvisional, int status)
    {
        var tx = Create();
        tx.Start();
        if (afterProvisional)
        {
            tx.ReceiveResponse(100, new("Trying"));
        }

        Clock.AdvanceTo(400);
        Sink.Clear();
        tx.ReceiveResponse(status, new("final"));
        Assert.Equal(NonInviteClientState.Completed, tx.State);
        Clock.AdvanceTo(1_000);
        tx.ReceiveResponse(status, new("retransmitted final"));
        tx.ReceiveResponse(100, new("late Trying"));
        Clock.AdvanceTo(5_399);
        Assert.Equal(NonInviteClientState.Completed, tx.State);
        Clock.AdvanceTo(5_400);

        Assert.Equal([$"400ms response {status} final", "5400ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Over_TCP_the_final_response_ends_the_transaction_at_once_because_Timer_K_is_zero()
    {
        var tx = Create(reliable: true);
        tx.Start();

        tx.ReceiveResponse(200, new("OK"));

        Assert.Equal(["0ms send OPTIONS", "0ms response 200 OK", "0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void Custom_T1_T2_and_T4_shape_Timers_E_F_and_K()
    {
        var timers = new SipTimerSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
        var tx = Create(timers: timers);
        tx.Start();

        Clock.AdvanceTo(10_000);

        var expected = new List<string> { "0ms send OPTIONS", "100ms send OPTIONS", "300ms send OPTIONS", "700ms send OPTIONS" };
        for (int at = 1_100; at < 6_400; at += 400)
        {
            expected.Add($"{at}ms send OPTIONS");
        }

        expected.AddRange(["6400ms timed out", "6400ms terminated"]);
        Assert.Equal(expected, Sink.Events);

        var second = Create(timers: timers);
        second.Start();
        second.ReceiveResponse(200, new("OK"));
        Clock.AdvanceMilliseconds(1_999);
        Assert.Equal(NonInviteClientState.Completed, second.State);
        Clock.AdvanceMilliseconds(1);
        Assert.Equal(NonInviteClientState.Terminated, second.State);
    }

    [Theory]
    [InlineData("Trying")]
    [InlineData("Proceeding")]
    [InlineData("Completed")]
    public void A_transport_error_ends_the_transaction_in_any_state_and_tells_the_TU(string state)
    {
        var tx = Create();
        tx.Start();
        switch (state)
        {
            case "Proceeding": tx.ReceiveResponse(100, new("Trying")); break;
            case "Completed": tx.ReceiveResponse(200, new("OK")); break;
        }

        Assert.Equal(state, tx.State.ToString());
        AssertTransportErrorEndsIt(tx);
    }

    [Fact]
    public void Abandoning_ends_the_transaction_quietly_even_before_Start()
    {
        var tx = Create();

        tx.Abandon();
        tx.Start();

        Assert.Equal(["0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }

    [Fact]
    public void A_terminated_transaction_ignores_every_event()
    {
        var tx = Create();
        tx.Start();
        tx.TransportError();
        Sink.Clear();

        tx.ReceiveResponse(100, new("Trying"));
        tx.ReceiveResponse(200, new("OK"));
        tx.TransportError();
        tx.Abandon();
        Clock.AdvanceTo(100_000);

        Assert.Empty(Sink.Events);
        Assert.Equal(1, Sink.TerminatedCount);
    }

    [Fact]
    public void The_TU_may_answer_from_inside_a_callback()
    {
        var tx = Create(reliable: true);
        Sink.OnCallback = what =>
        {
            if (what == "response 200 OK")
            {
                tx.Abandon(); // already over at once (Timer K is zero): ignored, no exception
            }
            else if (what == "response 100 Trying")
            {
                tx.ReceiveResponse(200, new("OK")); // a nested event, delivered after this callback returns
            }
        };
        tx.Start();

        tx.ReceiveResponse(100, new("Trying"));

        Assert.Equal(["0ms send OPTIONS", "0ms response 100 Trying", "0ms response 200 OK", "0ms terminated"], Sink.Events);
        Assert.Equal(0, Sink.Overlaps);
        AssertReleased(tx);
    }

    private NonInviteClientTransaction<TestMessage> Create(bool reliable = false, SipTimerSettings? timers = null) =>
        new(TestMessage.Bytes("OPTIONS"), Sink, timers ?? SipTimerSettings.Default, reliable, Clock);
}
