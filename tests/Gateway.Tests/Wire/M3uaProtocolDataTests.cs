using Gateway.Testing;
using Gateway.Wire;

namespace Gateway.Tests.Wire;

public sealed class M3uaProtocolDataTests
{
    [Fact]
    public void Finds_the_label_and_the_ISUP_inside_a_DATA_message_after_its_routing_context()
    {
        Assert.True(M3uaProtocolData.TryRead(M3uaWireSamples.DataWithIam, out M3uaProtocolData data));
        Assert.Equal((int)M3uaWireSamples.Opc, data.Opc);
        Assert.Equal((int)M3uaWireSamples.Dpc, data.Dpc);
        Assert.Equal(5, data.ServiceIndicator);
        Assert.Equal(21, data.Cic);
        Assert.Equal((byte)0x01, data.IsupMessageType);
        Assert.True(data.UserData.SequenceEqual(M3uaWireSamples.Iam40));
    }

    [Fact]
    public void Anything_that_is_not_whole_DATA_is_not_found_and_never_throws()
    {
        byte[] data = M3uaWireSamples.DataWithIam;
        Assert.False(M3uaProtocolData.TryRead([1, 0, 3, 1, 0, 0, 0, 8], out _)); // ASPUP
        for (int length = 0; length < data.Length; length++)
        {
            // Truncated: the header's length no longer fits, or the parameter does not.
            Assert.False(M3uaProtocolData.TryRead(data.AsSpan(0, length), out _));
        }
        var random = new Random(7);
        byte[] noise = new byte[80];
        for (int i = 0; i < 20_000; i++)
        {
            random.NextBytes(noise);
            noise[0] = 1;
            noise[2] = 1;
            noise[3] = 1;
            if (M3uaProtocolData.TryRead(noise, out M3uaProtocolData found)) Assert.True(found.UserData.Length <= noise.Length);
        }
    }
}
