using Gateway.Isup;
using Gateway.Testing;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>The per-message paths allocate nothing: signals, events and effects are structs and the machines' actions static.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Messages_within_an_answered_call_allocate_nothing()
    {
        var ports = new CountingPorts();
        var time = new ManualTimeProvider();
        var exchange = new IsupExchange(
            new IsupExchangeOptions(200, [new CircuitGroupOptions(100, [new CircuitCodeRange(1, 4)])]), ports, ports, ports, time);
        exchange.RouteAvailable(100);
        exchange.Receive(100, IsupSignal.GroupResetAcknowledgement(1, 3, CircuitStatusBits.None));
        Assert.True(exchange.CallControl.TrySeize(100, "IAM", out IsupCall? call));
        exchange.Receive(100, IsupSignal.Call(IsupMessageType.ACM, call.Cic, "ACM"));
        exchange.Receive(100, IsupSignal.Call(IsupMessageType.ANM, call.Cic, "ANM"));
        IsupSignal cpg = IsupSignal.Call(IsupMessageType.CPG, call.Cic, "CPG");
        IsupSignal usr = IsupSignal.Call(IsupMessageType.USR, call.Cic, "USR");
        RunInCall(exchange, call, in cpg, in usr); // warm up (JIT, outbox arrays)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            RunInCall(exchange, call, in cpg, in usr);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(ports.CallEvents > 200);
    }

    private static void RunInCall(IsupExchange exchange, IsupCall call, in IsupSignal cpg, in IsupSignal usr)
    {
        exchange.Receive(100, cpg);
        exchange.Receive(100, usr);
        exchange.CallControl.SendUsr(call, "USR");
    }
}
