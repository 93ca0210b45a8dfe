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
    public void An_INVITE_client_always_terminates_cleanly() => CheckTerminatesCleanly(
        static (scenario, clock, sink) =>
        {
            var tx = new InviteClientTransaction<TestMessage>(TestMessage.Bytes("INVITE"), sink, scenario.Timers, scenario.Reliable, clock);
            tx.Start();
            return tx;
        },
        // The closing response: the final response every INVITE eventually gets (or the TU's CANCEL provokes).
        // Only a 300-699 needs the ACK the transaction must send.
        respond: static (tx, status, text) => tx.ReceiveResponse(status, new(text), status >= 300 ? TestMessage.Bytes("ACK") : default));

    [Fact]
    public void A_non_INVITE_client_always_terminates_cleanly() => CheckTerminatesCleanly(
        static (scenario, clock, sink) =>
        {
            var tx = new NonInviteClientTransaction<TestMessage>(TestMessage.Bytes("BYE"), sink, scenario.Timers, scenario.Reliable, clock);
            tx.Start();
            return tx;
        },
        // Timer F bounds the transaction by itself; a last response is still a fair closing event.
        respond: static (tx, status, text) => tx.ReceiveResponse(status, new(text)));

    [Fact]
    public void An_INVITE_server_always_terminates_cleanly() => CheckTerminatesCleanly(
        static (scenario, clock, sink) => new InviteServerTransaction<TestMessage>(TestMessage.Bytes("100 Trying"), sink, scenario.Timers, scenario.Reliable, clock),
        // The closing response: the TU's final response, which every INVITE gets.
        respond: static (tx, status, text) => tx.SendResponse(status, TestMessage.Bytes(text)),
        retransmission: static tx => tx.ReceiveRetransmission(),
        ack: static tx => tx.ReceiveAck(new("ACK")));

    [Fact]
    public void A_non_INVITE_server_always_terminates_cleanly() => CheckTerminatesCleanly(
        static (scenario, clock, sink) => new NonInviteServerTransaction(sink, scenario.Timers, scenario.Reliable, clock),
        // The closing response: the TU's final response, which every request gets.
        respond: static (tx, status, text) => tx.SendResponse(status, TestMessage.Bytes(text)),
        retransmission: static tx => tx.ReceiveRetransmission());

    /// <summary>
    /// For every scenario: creates a transaction, applies the scenario's steps to it, ends with the closing response
    /// (the scenario's closing status, text "final") and checks <see cref="TerminatesCleanly"/>. An event a kind has
    /// no handler for is skipped.
    /// </summary>
    /// <param name="create">A new transaction (started, for a client) on the scenario's timers and transport.</param>
    /// <param name="respond">A response with a status code and a text: received by a client, sent by a server.</param>
    /// <param name="retransmission">A retransmitted request (servers).</param>
    /// <param name="ack">An ACK (the INVITE server).</param>
    private static void CheckTerminatesCleanly<TTransaction>(
        Func<Scenario, TimerCountingTimeProvider, RecordingSink, TTransaction> create,
        Action<TTransaction, int, string> respond,
        Action<TTransaction>? retransmission = null,
        Action<TTransaction>? ack = null)
        where TTransaction : SipTransaction =>
        Check(scenario =>
        {
            var clock = new TimerCountingTimeProvider();
            var sink = new RecordingSink(clock);
            var tx = create(scenario, clock, sink);
            foreach (var (what, amount) in scenario.Steps)
            {
                switch (Event(clock, what, amount))
                {
                    case 0: respond(tx, 100 + (amount % 100), "1xx"); break;
                    case 1: respond(tx, 200 + (amount % 100), "2xx"); break;
                    case 2: respond(tx, 300 + (amount % 400), "failure"); break;
                    case 3: tx.TransportError(); break;
                    case 4: tx.Abandon(); break;
                    case 5: retransmission?.Invoke(tx); break;
                    case 6: ack?.Invoke(tx); break;
                }
            }

            respond(tx, scenario.ClosingStatus, "final");
            return TerminatesCleanly(scenario, clock, sink, tx);
        });

    private static void Check(Func<Scenario, bool> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tests), Prop.ForAll(Scenarios.ToArbitrary(), property));

    /// <summary>
    /// Half the steps move virtual time (a third of those by up to 40 s, the rest by under a second); the other half
    /// are events, returned as 0..6 for <see cref="CheckTerminatesCleanly{TTransaction}"/> to map: responses of each class are common, a transport error or
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
