using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

public sealed class SmokeTests
{
    [Fact]
    public void An_outgoing_call_from_seizure_to_release_complete()
    {
        var harness = new ExchangeHarness();
        harness.BringUp();
        harness.AssertQuiescent();

        IsupCall call = harness.SeizeOutgoing();
        Assert.Equal(2, call.Cic);
        Assert.Equal(["IAM cic=2"], harness.Signals.TakeText());
        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.ReceiveCall(IsupMessageType.ANM, 2);
        Assert.Equal([IsupCallEventKind.AddressComplete, IsupCallEventKind.Answered], harness.Calls.Take().ConvertAll(e => e.Kind));
        Assert.True(harness.CallControl.Release(call, new IsupCause(16)));
        Assert.Equal(["REL cic=2 cause=16"], harness.Signals.TakeText());
        harness.Receive(IsupMessageType.RLC, 2);
        harness.AssertQuiescent();
    }
}
