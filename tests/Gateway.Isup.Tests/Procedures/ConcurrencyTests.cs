using System.Collections.Concurrent;
using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>Calls on many threads at once: every call's events come in order, one at a time, and nothing is left behind.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Calls_set_up_and_released_from_several_threads_leave_every_circuit_idle_and_hear_their_events_in_order()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 64)], selection: CircuitSelection.RoundRobin);
        harness.BringUp();
        var perCall = new ConcurrentDictionary<IsupCall, List<IsupCallEventKind>>();
        int inside = 0;
        int overlaps = 0;
        harness.Calls.OnEvent = (call, e) =>
        {
            // Events of one group are delivered by one thread at a time.
            if (Interlocked.Increment(ref inside) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            perCall.GetOrAdd(call, _ => []).Add(e.Kind);
            Interlocked.Decrement(ref inside);
        };

        int completed = 0;
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 250; i++)
            {
                if (!harness.CallControl.TrySeize(harness.Dpc, "IAM", out IsupCall? call))
                {
                    continue;
                }

                int cic = call.Cic;
                harness.ReceiveCall(IsupMessageType.ACM, cic);
                harness.ReceiveCall(IsupMessageType.CPG, cic);
                harness.ReceiveCall(IsupMessageType.ANM, cic);
                harness.CallControl.Release(call, new IsupCause(16));
                harness.Receive(IsupMessageType.RLC, cic);
                Interlocked.Increment(ref completed);
            }
        });

        Assert.Equal(0, overlaps);
        Assert.Equal(1000, completed);
        Assert.All(perCall.Values, kinds =>
            Assert.Equal([IsupCallEventKind.AddressComplete, IsupCallEventKind.Progress, IsupCallEventKind.Answered], kinds));
        harness.AssertQuiescent();
    }

    [Fact]
    public async Task A_signal_leaves_while_another_thread_is_still_delivering_an_event()
    {
        // Call control's side of an event may take long (the gateway places a SIP call for an IAM); an answer decided
        // meanwhile on another thread, for another call, must not wait behind it.
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall answering = harness.OfferIncoming(1);
        Assert.True(harness.CallControl.SendAcm(answering, "ACM"));
        harness.Forget();

        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        harness.Calls.OnEvent = (call, e) =>
        {
            if (e.Kind == IsupCallEventKind.IncomingCall && call.Cic == 3)
            {
                inside.Set();
                Assert.True(release.Wait(TimeSpan.FromSeconds(30)), "the test never let the event go");
            }
        };

        var offering = Task.Run(() => harness.ReceiveCall(IsupMessageType.IAM, 3));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)), "the IAM's event never reached call control");
        try
        {
            Assert.True(harness.CallControl.SendAnm(answering, "ANM"));
            Assert.Equal("ANM", Assert.Single(harness.Signals.Take(), s => s.Signal.Cic == 1).Signal.Type.ToString());
        }
        finally
        {
            release.Set();
            await offering.WaitAsync(TimeSpan.FromSeconds(30));
        }

        harness.Calls.OnEvent = null;
        Assert.Contains(harness.Calls.Take(), e => e.Kind == IsupCallEventKind.IncomingCall && e.Call.Cic == 3);
    }
}
