using Gateway.Testing;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>
/// Handling an event — firing the machine, recording effects, delivering them — allocates nothing once warm.
/// Bytes allocated on this thread are counted; time is never measured.
/// </summary>
public sealed class TransactionAllocationTests
{
    private const int Events = 10_000;

    [Fact]
    public void Answering_retransmitted_INVITEs_in_Completed_allocates_nothing()
    {
        var sink = new CountingSink();
        var tx = new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sink, SipTimerSettings.Default, false, new ManualTimeProvider());
        tx.SendResponse(486, TestMessage.Bytes("486 Busy"));
        Action retransmission = tx.ReceiveRetransmission;
        Repeat(100, retransmission);

        long allocated = Allocated(Events, retransmission);

        Assert.Equal(0, allocated);
        Assert.Equal(1 + 100 + Events, sink.Sends);
    }

    [Fact]
    public void Passing_2xx_up_in_Accepted_allocates_nothing()
    {
        var sink = new CountingSink();
        var tx = new InviteClientTransaction<TestMessage>(TestMessage.Bytes("INVITE"), sink, SipTimerSettings.Default, true, new ManualTimeProvider());
        tx.Start();
        var ok = new TestMessage("200 OK");
        Action success = () => tx.ReceiveResponse(200, ok);
        Repeat(100, success);

        long allocated = Allocated(Events, success);

        Assert.Equal(0, allocated);
        Assert.Equal(100 + Events, sink.Reports);
    }

    [Fact]
    public void Sending_provisional_responses_allocates_nothing()
    {
        var sink = new CountingSink();
        var tx = new NonInviteServerTransaction(sink, SipTimerSettings.Default, false, new ManualTimeProvider());
        var trying = TestMessage.Bytes("100 Trying");
        Action provisional = () => tx.SendResponse(100, trying);
        Repeat(100, provisional);

        long allocated = Allocated(Events, provisional);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Timer_expiries_re_arm_without_allocating()
    {
        // T1 = T2 = 1 ms: Timer G fires every millisecond for the 64 ms of Timer H.
        var timers = new SipTimerSettings(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));
        var clock = new ManualTimeProvider();
        var sink = new CountingSink();
        var warm = new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sink, timers, false, clock);
        warm.SendResponse(486, TestMessage.Bytes("486 Busy"));
        clock.Advance(TimeSpan.FromMilliseconds(10));
        var tx = new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sink, timers, false, clock);
        tx.SendResponse(486, TestMessage.Bytes("486 Busy"));
        int before = sink.Sends;
        Action tick = () => clock.Advance(TimeSpan.FromMilliseconds(1));

        long allocated = Allocated(50, tick);

        Assert.Equal(0, allocated);
        Assert.True(sink.Sends - before >= 50, $"only {sink.Sends - before} retransmissions");
    }

    /// <summary>Bytes allocated by <paramref name="count"/> calls of <paramref name="action"/>, created beforehand.</summary>
    private static long Allocated(int count, Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Repeat(count, action);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Repeat(int count, Action action)
    {
        for (int i = 0; i < count; i++)
        {
            action();
        }
    }
}
