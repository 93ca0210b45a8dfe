namespace Gateway.Sip.Tests.Transactions;

/// <summary>
/// Events racing on several threads (network, TU, timers): handled one at a time, callbacks delivered outside the
/// lock, never overlapping, Terminated once and last. Real threads, virtual time, no sleeping; the only wall-clock
/// value is a generous deadline that turns a deadlock into a failure instead of a hung run.
/// </summary>
public sealed class TransactionConcurrencyTests
{
    private static readonly TimeSpan DeadlockDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_callback_runs_outside_the_lock_so_another_thread_can_drive_the_transaction_meanwhile()
    {
        var clock = new TimerCountingTimeProvider();
        var sink = new RecordingSink(clock);
        var tx = new InviteClientTransaction<TestMessage>(TestMessage.Bytes("INVITE"), sink, SipTimerSettings.Default, true, clock);
        bool otherThreadFinished = false;
        sink.OnCallback = what =>
        {
            if (what == "response 180 Ringing")
            {
                // Were the lock held during callbacks, this thread would wait for it forever.
                otherThreadFinished = Task.Run(() => tx.ReceiveResponse(200, new("OK"))).Wait(DeadlockDeadline);
            }
        };
        tx.Start();

        tx.ReceiveResponse(180, new("Ringing"));

        Assert.True(otherThreadFinished);
        // The other thread found a delivery in progress and left its 2xx to it: delivered right after the 180.
        Assert.Equal(["0ms send INVITE", "0ms response 180 Ringing", "0ms response 200 OK"], sink.Events);
        Assert.Equal(0, sink.Overlaps);
    }

    [Fact]
    public void Retransmissions_on_many_threads_racing_with_timer_expiries_are_all_answered_one_at_a_time()
    {
        const int Threads = 4;
        const int PerThread = 2_000;
        var clock = new TimerCountingTimeProvider();
        var sink = new RecordingSink(clock);
        var timers = new SipTimerSettings(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4), TimeSpan.FromSeconds(5));
        var tx = new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sink, timers, false, clock);
        tx.SendResponse(486, TestMessage.Bytes("486 Busy"));

        RunTogether(
            Threads + 1,
            worker =>
            {
                if (worker == Threads)
                {
                    for (int ms = 0; ms < 60; ms++) // Timer G expiries on this thread; Timer H (64 ms) stays ahead
                    {
                        clock.AdvanceMilliseconds(1);
                    }

                    return;
                }

                for (int i = 0; i < PerThread; i++)
                {
                    tx.ReceiveRetransmission();
                }
            });

        Assert.Equal(InviteServerState.Completed, tx.State);
        int timerRetransmissions = sink.Sent.Length - 1 - (Threads * PerThread);
        Assert.InRange(timerRetransmissions, 15, 60); // G: 1, 2, 4, then every 4 ms over 60 ms
        Assert.Equal(0, sink.Overlaps);

        tx.ReceiveAck(new("ACK"));
        clock.AdvanceMilliseconds(5_000);

        Assert.True(tx.IsTerminated);
        Assert.Equal(1, sink.TerminatedCount);
        Assert.Equal(0, sink.AfterTerminated);
        Assert.Equal(0, clock.LiveTimers);
    }

    [Fact]
    public void Random_events_racing_on_every_kind_of_transaction_keep_the_delivery_contract()
    {
        for (int round = 0; round < 20; round++)
        {
            bool reliable = round % 2 == 0;
            var clock = new TimerCountingTimeProvider();
            var sinks = new[] { new RecordingSink(clock), new RecordingSink(clock), new RecordingSink(clock), new RecordingSink(clock) };
            var inviteClient = new InviteClientTransaction<TestMessage>(TestMessage.Bytes("INVITE"), sinks[0], SipTimerSettings.Default, reliable, clock);
            var nonInviteClient = new NonInviteClientTransaction<TestMessage>(TestMessage.Bytes("BYE"), sinks[1], SipTimerSettings.Default, reliable, clock);
            var inviteServer = new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sinks[2], SipTimerSettings.Default, reliable, clock);
            var nonInviteServer = new NonInviteServerTransaction(sinks[3], SipTimerSettings.Default, reliable, clock);
            inviteClient.Start();
            nonInviteClient.Start();

            RunTogether(4, worker =>
            {
                var random = new Random((round * 10) + worker);
                for (int i = 0; i < 300; i++)
                {
                    int status = random.Next(100, 700);
                    switch (random.Next(12))
                    {
                        // ManualTimeProvider is advanced by one thread only; its expiries race with the others' events.
                        case 0 when worker == 0: clock.AdvanceMilliseconds(random.Next(0, 3_000)); break;
                        case 1: inviteClient.ReceiveResponse(status, new("r"), TestMessage.Bytes("ACK")); break;
                        case 2: nonInviteClient.ReceiveResponse(status, new("r")); break;
                        case 3: inviteServer.SendResponse(status, TestMessage.Bytes("s")); break;
                        case 4: inviteServer.ReceiveRetransmission(); break;
                        case 5: inviteServer.ReceiveAck(new("ACK")); break;
                        case 6: nonInviteServer.SendResponse(status, TestMessage.Bytes("n")); break;
                        case 7: nonInviteServer.ReceiveRetransmission(); break;
                        case 8 when random.Next(50) == 0: inviteClient.TransportError(); break;
                        case 9 when random.Next(50) == 0: inviteServer.Abandon(); break;
                        default: inviteClient.ReceiveResponse(100 + (status % 100), new("1xx")); break;
                    }
                }
            });

            foreach (var tx in new SipTransaction[] { inviteClient, nonInviteClient, inviteServer, nonInviteServer })
            {
                tx.Abandon(); // whatever state the race left it in
                Assert.True(tx.IsTerminated);
            }

            foreach (var sink in sinks)
            {
                Assert.Equal(1, sink.TerminatedCount);
                Assert.EndsWith(" terminated", sink.Events[^1], StringComparison.Ordinal);
                Assert.Equal(0, sink.Overlaps);
                Assert.Equal(0, sink.AfterTerminated);
            }

            Assert.Equal(0, clock.LiveTimers);
        }
    }

    /// <summary>Runs <paramref name="count"/> workers on their own threads, released at once, and waits for all.</summary>
    private static void RunTogether(int count, Action<int> worker)
    {
        using var start = new Barrier(count);
        var threads = new Thread[count];
        Exception? failure = null;
        for (int i = 0; i < count; i++)
        {
            int index = i;
            threads[i] = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    worker(index);
                }
                catch (Exception exception)
                {
                    Interlocked.CompareExchange(ref failure, exception, null);
                }
            });
            threads[i].Start();
        }

        foreach (var thread in threads)
        {
            Assert.True(thread.Join(DeadlockDeadline), "a worker did not finish: deadlock?");
        }

        if (failure is not null)
        {
            throw new AggregateException(failure);
        }
    }
}
