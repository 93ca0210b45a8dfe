namespace Gateway.Sip.Tests.Transactions;

/// <summary>
/// What the scenario tests of the four transaction kinds share: virtual time, a sink that records every callback
/// with its virtual time, and the checks that end their scenarios. Each test class gets a fresh instance per test.
/// </summary>
public abstract class TransactionScenarioTests
{
    private protected TransactionScenarioTests() => Sink = new RecordingSink(Clock);

    private protected TimerCountingTimeProvider Clock { get; } = new();

    private protected RecordingSink Sink { get; }

    /// <summary>
    /// <paramref name="tx"/> is over and left nothing behind: Terminated reported exactly once and last, no timer
    /// armed and every timer disposed.
    /// </summary>
    private protected void AssertReleased(SipTransaction tx)
    {
        Assert.True(tx.IsTerminated);
        Assert.Equal(0, Clock.ActiveTimers);
        Assert.Equal(0, Clock.LiveTimers);
        Assert.Equal(1, Sink.TerminatedCount);
        Assert.Equal(0, Sink.AfterTerminated);
    }

    /// <summary>
    /// From whatever state <paramref name="tx"/> is in (at virtual time 0), a transport error ends it at once: the TU
    /// is told TransportFailed then Terminated, and nothing else, and the transaction is released.
    /// </summary>
    private protected void AssertTransportErrorEndsIt(SipTransaction tx)
    {
        Sink.Clear();

        tx.TransportError();

        Assert.Equal(["0ms transport failed", "0ms terminated"], Sink.Events);
        AssertReleased(tx);
    }
}
