using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;
using Gateway.Testing;

namespace Gateway.Isup.Tests.Circuits;

/// <summary>One circuit group per destination point code: each has its own route, circuits and CIC space.</summary>
public sealed class CircuitGroupTests
{
    [Fact]
    public void Groups_toward_different_point_codes_are_independent_and_messages_go_by_their_OPC()
    {
        var signals = new RecordingSignalSink();
        var calls = new RecordingCallEvents();
        var exchange = new IsupExchange(
            new IsupExchangeOptions(200,
            [
                new CircuitGroupOptions(100, [new CircuitCodeRange(1, 4)]),
                new CircuitGroupOptions(300, [new CircuitCodeRange(1, 4)]),
            ]),
            signals, calls, new RecordingMaintenance(), new ManualTimeProvider());

        exchange.RouteAvailable(100);
        SentSignal grs = Assert.Single(signals.Take());
        Assert.Equal(100, grs.Dpc);
        exchange.Receive(100, IsupSignal.GroupResetAcknowledgement(1, 3, CircuitStatusBits.None));

        Assert.True(exchange.IsOffering(100));
        Assert.False(exchange.IsOffering(300));
        Assert.False(exchange.CallControl.TrySeize(300, "IAM", out _));
        Assert.True(exchange.CallControl.TrySeize(100, "IAM", out IsupCall? call));
        Assert.Equal(100, call.Dpc);

        exchange.Receive(300, IsupSignal.Call(IsupMessageType.ACM, call.Cic, "ACM")); // same CIC, other peer: not this call
        Assert.Empty(calls.Take());
        exchange.Receive(100, IsupSignal.Call(IsupMessageType.ACM, call.Cic, "ACM"));
        Assert.Equal(IsupCallEventKind.AddressComplete, Assert.Single(calls.Take()).Kind);
        Assert.Throws<ArgumentException>(() => exchange.RouteAvailable(999));
    }
}
