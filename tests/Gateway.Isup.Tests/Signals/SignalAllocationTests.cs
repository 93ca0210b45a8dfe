using Gateway.Isup;
using Gateway.Isup.Tests.Samples;

namespace Gateway.Isup.Tests.Signals;

/// <summary>
/// The bridge adds nothing to the heap on the signalling path: the procedures' own messages are read in place, a
/// call message costs exactly its decoded <see cref="IsupMessage"/>, and sending encodes on the stack.
/// </summary>
public sealed class SignalAllocationTests
{
    public static TheoryData<string> InPlace() => new()
    {
        "BLO", "RLC", "RSC", "CFN 97", "GRS", "GRA", "CGB", "CGUA", "unknown type with compatibility information",
    };

    [Theory]
    [MemberData(nameof(InPlace))]
    public void Decoding_a_message_the_procedures_read_field_by_field_allocates_nothing(string name)
    {
        byte[] bytes = name switch
        {
            "BLO" => SignalAssert.Encode(IsupSignal.Of(IsupMessageType.BLO, 5)),
            "RLC" => SignalAssert.Encode(IsupSignal.Of(IsupMessageType.RLC, 5)),
            "RSC" => SignalAssert.Encode(IsupSignal.Of(IsupMessageType.RSC, 5)),
            "CFN 97" => SignalAssert.Encode(IsupSignal.Confusion(5, new IsupCause(97, CauseLocation.PublicNetworkLocalUser, 0x70))),
            "GRS" => SignalAssert.Encode(IsupSignal.GroupReset(1, 30)),
            "GRA" => SignalAssert.Encode(IsupSignal.GroupResetAcknowledgement(1, 30, CircuitStatusBits.FirstCircuits(9))),
            "CGB" => SignalAssert.Encode(IsupSignal.GroupSupervision(IsupMessageType.CGB, 1, CircuitGroupSupervisionType.HardwareFailureOriented, 31, CircuitStatusBits.FirstCircuits(32))),
            "CGUA" => SignalAssert.Encode(IsupSignal.GroupSupervision(IsupMessageType.CGUA, 1, CircuitGroupSupervisionType.MaintenanceOriented, 7, CircuitStatusBits.None.With(3))),
            _ => [0x05, 0x00, 0x70, 0x01, 0x38, 0x01, 0x8C, 0x00],
        };
        Assert.Equal(0, Allocated(bytes));
    }

    [Theory]
    [InlineData(IsupMessageType.IAM)]
    [InlineData(IsupMessageType.ACM)]
    [InlineData(IsupMessageType.REL)]
    [InlineData(IsupMessageType.RES)]
    public void Decoding_a_call_message_allocates_only_the_decoded_message(IsupMessageType type)
    {
        byte[] bytes = IsupSamples.All(cic: 5).First(m => m.Type == type).Encode();
        IsupMessage.TryDecode(bytes, IsupBodyForm.Mtp3UserData, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        IsupMessage.TryDecode(bytes, IsupBodyForm.Mtp3UserData, out _);
        long message = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(message, Allocated(bytes));
    }

    [Fact]
    public void Sending_allocates_nothing()
    {
        var output = new CountingUserDataSink();
        var sink = new IsupSignalEncodingSink(output);
        IsupSignal iam = IsupSignal.Call(IsupMessageType.IAM, 7, IsupSamples.Iam(cic: null));
        IsupSignal rel = IsupSignal.Release(7, new IsupCause(IsupCauses.NormalCallClearing));
        IsupSignal rlc = IsupSignal.Of(IsupMessageType.RLC, 7);
        IsupSignal grs = IsupSignal.GroupReset(1, 30);
        SendAll(sink, in iam, in rel, in rlc, in grs); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            SendAll(sink, in iam, in rel, in rlc, in grs);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(404, output.Count);
    }

    private static void SendAll(IsupSignalEncodingSink sink, in IsupSignal iam, in IsupSignal rel, in IsupSignal rlc, in IsupSignal grs)
    {
        sink.Send(2, in iam);
        sink.Send(2, in rel);
        sink.Send(2, in rlc);
        sink.Send(2, in grs);
    }

    private static long Allocated(byte[] bytes)
    {
        Assert.True(IsupSignalCodec.TryDecode(bytes, out _).Succeeded); // warm up (JIT, static tables)
        long before = GC.GetAllocatedBytesForCurrentThread();
        IsupSignalCodec.TryDecode(bytes, out _);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
