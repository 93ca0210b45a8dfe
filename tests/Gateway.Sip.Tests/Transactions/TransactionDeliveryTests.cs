namespace Gateway.Sip.Tests.Transactions;

/// <summary>The edges of the delivery and timer machinery that ordinary runs do not reach.</summary>
public sealed class TransactionDeliveryTests
{
    [Fact]
    public void A_timer_callback_that_arrives_early_or_stale_neither_fires_nor_is_lost()
    {
        var clock = new ScriptedTimeProvider();
        var sink = new CountingSink();
        var tx = new InviteClientTransaction<TestMessage>(TestMessage.Bytes("INVITE"), sink, SipTimerSettings.Default, false, clock);
        tx.Start();
        var timerA = clock.Timers[0];
        Assert.Equal(TimeSpan.FromMilliseconds(500), timerA.Due);

        // A callback of an earlier arming, say, arriving 100 ms into a 500 ms wait: re-armed for the rest.
        clock.NowMilliseconds = 100;
        timerA.Fire();
        Assert.Equal(1, sink.Sends);
        Assert.Equal(TimeSpan.FromMilliseconds(400), timerA.Due);

        clock.NowMilliseconds = 500;
        timerA.Fire();
        Assert.Equal(2, sink.Sends);
        Assert.Equal(TimeSpan.FromSeconds(1), timerA.Due);

        // Stopped by the 1xx while its callback was on its way: the timer is let go (retransmission never resumes),
        // and the late callback does nothing.
        tx.ReceiveResponse(180, new("Ringing"));
        Assert.True(timerA.Disposed);
        clock.NowMilliseconds = 1_500;
        timerA.Fire();
        Assert.Equal(2, sink.Sends);
        Assert.Equal(InviteClientState.Proceeding, tx.State);
    }

    [Fact]
    public void Callbacks_after_termination_find_the_timers_disposed_and_do_nothing()
    {
        var clock = new ScriptedTimeProvider();
        var sink = new CountingSink();
        var tx = new NonInviteClientTransaction<TestMessage>(TestMessage.Bytes("BYE"), sink, SipTimerSettings.Default, false, clock);
        tx.Start();

        tx.Abandon();
        clock.NowMilliseconds = 60_000;
        foreach (var timer in clock.Timers)
        {
            Assert.True(timer.Disposed);
            timer.Fire();
        }

        Assert.Equal(1, sink.Sends);
        Assert.Equal(1, sink.Reports); // Terminated only
    }

    [Fact]
    public void A_throwing_sink_still_gets_the_rest_of_the_callbacks_and_the_exception_surfaces()
    {
        var clock = new TimerCountingTimeProvider();
        var sink = new RecordingSink(clock);
        var tx = new InviteClientTransaction<TestMessage>(TestMessage.Bytes("INVITE"), sink, SipTimerSettings.Default, true, clock);
        tx.Start();
        sink.OnCallback = what =>
        {
            if (what.StartsWith("response", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("TU bug");
            }
        };

        var thrown = Assert.Throws<InvalidOperationException>(() => tx.ReceiveResponse(486, new("Busy"), TestMessage.Bytes("ACK")));

        Assert.Equal("TU bug", thrown.Message);
        Assert.Equal(["0ms send INVITE", "0ms send ACK", "0ms response 486 Busy", "0ms terminated"], sink.Events);
        Assert.True(tx.IsTerminated);
        Assert.Equal(0, clock.LiveTimers);
    }

    [Fact]
    public void Timer_I_follows_custom_T4()
    {
        var clock = new TimerCountingTimeProvider();
        var sink = new RecordingSink(clock);
        var timers = new SipTimerSettings(SipTimerSettings.DefaultT1, SipTimerSettings.DefaultT2, TimeSpan.FromSeconds(2));
        var tx = new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sink, timers, false, clock);
        tx.SendResponse(486, TestMessage.Bytes("486 Busy"));
        tx.ReceiveAck(new("ACK"));

        clock.AdvanceTo(1_999);
        Assert.Equal(InviteServerState.Confirmed, tx.State);
        clock.AdvanceTo(2_000);
        Assert.Equal(InviteServerState.Terminated, tx.State);
    }
}
