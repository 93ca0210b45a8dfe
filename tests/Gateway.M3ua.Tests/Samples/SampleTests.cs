using Gateway.Testing;

namespace Gateway.M3ua.Tests.Samples;

public sealed class SampleTests
{
    [Fact]
    public void There_is_a_sample_of_every_message_m3ua_defines_and_each_round_trips()
    {
        var samples = M3uaSamples.All();
        Assert.Equal(Enum.GetValues<M3uaMessageType>().Order(), samples.Select(m => m.Type).Order());
        foreach (var sample in samples)
        {
            byte[] wire = sample.Encode();
            Assert.Equal(wire.Length, sample.GetEncodedLength());
            Assert.Equal(0, wire.Length % 4);
            Assert.Equal(sample, M3uaMessage.Decode(wire));
        }
    }

    [Fact]
    public void The_shared_data_sample_is_what_the_codec_writes()
    {
        Assert.Equal(40, M3uaWireSamples.Iam40.Length);
        Assert.Equal(72, M3uaWireSamples.DataWithIam.Length);
        Assert.Equal(M3uaWireSamples.DataWithIam, M3uaSamples.Data().Encode());

        Span<byte> buffer = stackalloc byte[M3uaWriter.DefaultSizeHint];
        var writer = new M3uaWriter(buffer, M3uaMessageType.Data);
        writer.WriteRoutingContext(M3uaWireSamples.RoutingContext);
        writer.WriteProtocolData(M3uaSamples.IsupHeader, M3uaWireSamples.Iam40);
        Assert.True(buffer[..writer.Complete()].SequenceEqual(M3uaWireSamples.DataWithIam));
    }
}
