using Gateway.Isup;
using Gateway.Testing;

namespace Gateway.Isup.Tests.Signals;

/// <summary>
/// Two exchanges back to back through the bridge, as examples/back-to-back wires two gateways: A is point code 1, B
/// point code 2, each with CICs 1–31 toward the other, on one virtual clock. What one sends is encoded to octets,
/// queued on the wire in order, and decoded into the other when the test pumps it: the procedures only ever meet as
/// bytes.
/// </summary>
internal sealed class BackToBackLink
{
    private readonly Queue<WireFrame> _wire = new();

    public BackToBackLink()
    {
        A = new BridgedExchange(this, "A", pointCode: 1, peerPointCode: 2, Time);
        B = new BridgedExchange(this, "B", pointCode: 2, peerPointCode: 1, Time);
    }

    public ManualTimeProvider Time { get; } = new();

    public BridgedExchange A { get; }

    public BridgedExchange B { get; }

    /// <summary>Every frame either exchange emitted, in wire order (what tshark checks).</summary>
    public List<WireFrame> Emitted { get; } = [];

    public void Put(WireFrame frame)
    {
        if (!frame.Injected)
        {
            Emitted.Add(frame);
        }

        _wire.Enqueue(frame);
    }

    /// <summary>Puts octets on the wire as if <paramref name="from"/> had sent them (a peer newer than our procedures).</summary>
    public void Inject(BridgedExchange from, byte[] userData) => Put(new WireFrame(from.Name, userData, Injected: true));

    /// <summary>Delivers frames, and those they provoke, until the wire is quiet; returns how many were delivered.</summary>
    public int Pump()
    {
        int delivered = 0;
        while (_wire.TryDequeue(out WireFrame? frame))
        {
            Assert.True(++delivered < 1000, "the exchanges keep talking");
            (frame.From == A.Name ? B : A).Deliver(frame);
        }

        return delivered;
    }

    /// <summary>Both sides at rest: no timer armed, every circuit idle with no call and no procedure pending, nothing failed to encode.</summary>
    public void AssertQuiescent()
    {
        Assert.Equal(0, Time.ActiveTimers);
        foreach (BridgedExchange side in (BridgedExchange[])[A, B])
        {
            Assert.Empty(side.EncodeFailures);
            Assert.Equal(0, side.Encoder.Failures);
            foreach (CircuitStatus status in side.Circuits)
            {
                Assert.True(status.State == CircuitState.Idle, $"{side.Name} CIC {status.Cic} is {status.State}");
                Assert.False(status.HasCall, $"{side.Name} CIC {status.Cic} still has a call");
                Assert.False(status.MaintenanceProcedurePending, $"{side.Name} CIC {status.Cic} still waits for an acknowledgement");
                Assert.Equal(CircuitBlocking.None, status.Blocking);
            }
        }
    }
}
