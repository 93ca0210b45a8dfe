using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>
/// Properties over random interleavings of events and virtual time: whatever happens, a transaction never throws;
/// once its TU has given its final word (the closing event) it reaches Terminated within 64·T1 + T4 of virtual
/// time, reports Terminated exactly once and last, never overlaps callbacks, and leaves no timer armed or undisposed.
/// </summary>
public sealed class TransactionPropertyTests
{
    private const int Tests = 300;

    /// <summary>Each step is (what, amount); <see cref="Apply"/> helpers read "what" as a share of 100.</summary>
    private static readonly Gen<Scenario> Scenarios =
        from t1 in Gen.Choose(500, 1_000)
        from t2Factor in Gen.Choose(1, 16)
        from t4 in Gen.Choose(1_000, 10_000)
        from reliable in Gen.Elements(false, true)
        from steps in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 99), Gen.Choose(0, 40_000)))
        from closingStatus in Gen.Choose(200, 699)
        select new Scenario(t1, t1 * t2Factor, t4, reliable, steps, closingStatus);

    [Fact]
    public void An_INVITE_client_always_terminates_cleanly()
    {
        Check(scenario =>
        {
            var (clock, sink) = Harness();
            var tx = new InviteClientTransaction<TestMessage>(TestMessage.Bytes("INVITE"), sink, scenario.Timers, scenario.Reliable, clock);
            tx.Start();
            foreach (var (what, amount) in scenario.Steps)
            {
                switch (Event(clock, what, amount))
                {
                    case 0: tx.ReceiveResponse(100 + (amount % 100), new("1xx")); break;
                    case 1: tx.ReceiveResponse(200 + (amount % 100), new("2xx")); break;
                    case 2: tx.ReceiveResponse(300 + (amount % 400), new("failure"), TestMessage.Bytes("ACK")); break;
                    case 3: tx.TransportError(); break;
                    case 4: tx.Abandon(); break;
                }
            }

            // The closing event: the final response every INVITE eventually gets (or the TU's CANCEL provokes).
            tx.ReceiveResponse(scenario.ClosingStatus, new("final"), TestMessage.Bytes("ACK"));
            return TerminatesCleanly(scenario, clock, sink, tx);
        });
    }

    [Fact]
    public void A_non_INVITE_client_always_terminates_cleanly()
    {
        Check(scenario =>
        {
            var (clock, sink) = Harness();
            var tx = new NonInviteClientTransaction<TestMessage>(TestMessage.Bytes("BYE"), sink, scenario.Timers, scenario.Reliable, clock);
            tx.Start();
            foreach (var (what, amount) in scenario.Steps)
            {
                switch (Event(clock, what, amount))
                {
                    case 0: tx.ReceiveResponse(100 + (amount % 100), new("1xx")); break;
                    case 1: tx.ReceiveResponse(200 + (amount % 100), new("2xx")); break;
                    case 2: tx.ReceiveResponse(300 + (amount % 400), new("failure")); break;
                    case 3: tx.TransportError(); break;
                    case 4: tx.Abandon(); break;
                }
            }

            // Timer F bounds the transaction by itself; a last response is still a fair closing event.
            tx.ReceiveResponse(scenario.ClosingStatus, new("final"));
            return TerminatesCleanly(scenario, clock, sink, tx);
        });
    }

    [Fact]
    public void An_INVITE_server_always_terminates_cleanly()
    {
        Check(scenario =>
        {
            var (clock, sink) = Harness();
            var tx = new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sink, scenario.Timers, scenario.Reliable, clock);
            foreach (var (what, amount) in scenario.Steps)
            {
                switch (Event(clock, what, amount))
                {
                    case 0: tx.SendResponse(100 + (amount % 100), TestMessage.Bytes("1xx")); break;
                    case 1: tx.SendResponse(200 + (amount % 100), TestMessage.Bytes("2xx")); break;
                    case 2: tx.SendResponse(300 + (amount % 400), TestMessage.Bytes("failure")); break;
                    case 3: tx.TransportError(); break;
                    case 4: tx.Abandon(); break;
                    case 5: tx.ReceiveRetransmission(); break;
                    case 6: tx.ReceiveAck(new("ACK")); break;
                }
            }

            // The closing event: the TU's final response, which every INVITE gets.
            tx.SendResponse(scenario.ClosingStatus, TestMessage.Bytes("final"));
            return TerminatesCleanly(scenario, clock, sink, tx);
        });
    }

    [Fact]
    public void A_non_INVITE_server_always_terminates_cleanly()
    {
        Check(scenario =>
        {
            var (clock, sink) = Harness();
            var tx = new NonInviteServerTransaction(sink, scenario.Timers, scenario.Reliable, clock);
            foreach (var (what, amount) in scenario.Steps)
            {
                switch (Event(clock, what, amount))
                {
                    case 0: tx.SendResponse(100 + (amount % 100), TestMessage.Bytes("1xx")); break;
                    case 1: tx.SendResponse(200 + (amount % 100), TestMessage.Bytes("2xx")); break;
                    case 2: tx.SendResponse(300 + (amount % 400), TestMessage.Bytes("failure")); break;
                    case 3: tx.TransportError(); break;
                    case 4: tx.Abandon(); break;
                    case 5: tx.ReceiveRetransmission(); break;
                }
            }

            // The closing event: the TU's final response, which every request gets.
            tx.SendResponse(scenario.ClosingStatus, TestMessage.Bytes("final"));
            return TerminatesCleanly(scenario, clock, sink, tx);
        });
    }

    private static void Check(Func<Scenario, bool> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tests), Prop.ForAll(Scenarios.ToArbitrary(), property));

    private static (TimerCountingTimeProvider Clock, RecordingSink Sink) Harness()
    {
        var clock = new TimerCountingTimeProvider();
        return (clock, new RecordingSink(clock));
    }

    /// <summary>
    /// Half the steps move virtual time (a third of those by up to 40 s, the rest by under a second); the other half
    /// are events, returned as 0..6 for the caller to map: responses of each class are common, a transport error or
    /// the TU abandoning rare, so that most runs get deep into the machine before anything ends it.
    /// </summary>
    private static int Event(TimerCountingTimeProvider clock, int what, int amount)
    {
        switch (what)
        {
            case < 17:
                clock.AdvanceMilliseconds(amount);
                return -1;
            case < 50:
                clock.AdvanceMilliseconds(amount % 1_000);
                return -1;
            case < 60: return 0;
            case < 68: return 1;
            case < 76: return 2;
            case < 78: return 3;
            case < 80: return 4;
            case < 90: return 5;
            default: return 6;
        }
    }

    private static bool TerminatesCleanly(Scenario scenario, TimerCountingTimeProvider clock, RecordingSink sink, SipTransaction tx)
    {
        var bound = (scenario.Timers.T1 * 64) + scenario.Timers.T4;
        clock.Advance(bound);

        var reports = sink.Reports;
        int endings = Array.FindAll(reports, static r => r.EndsWith(" timed out", StringComparison.Ordinal) || r.EndsWith(" transport failed", StringComparison.Ordinal)).Length;
        return tx.IsTerminated
            && sink.TerminatedCount == 1
            && sink.Events[^1].EndsWith(" terminated", StringComparison.Ordinal)
            && sink.AfterTerminated == 0
            && sink.Overlaps == 0
            && endings <= 1
            && clock.ActiveTimers == 0
            && clock.LiveTimers == 0;
    }

    /// <summary>One random run: base timers in milliseconds, the transport, the steps and the closing status.</summary>
    public sealed record Scenario(int T1, int T2, int T4, bool Reliable, (int What, int Amount)[] Steps, int ClosingStatus)
    {
        public SipTimerSettings Timers => new(TimeSpan.FromMilliseconds(T1), TimeSpan.FromMilliseconds(T2), TimeSpan.FromMilliseconds(T4));

        public override string ToString() =>
            $"T1={T1} T2={T2} T4={T4} reliable={Reliable} closing={ClosingStatus} steps=[{string.Join(" ", Steps)}]";
    }
}
