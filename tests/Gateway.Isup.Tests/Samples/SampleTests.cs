using Gateway.Testing;

namespace Gateway.Isup.Tests.Samples;

public sealed class SampleTests
{
    [Fact]
    public void The_benchmark_iam_is_the_typed_sample_with_six_optional_parameters()
    {
        var iam = IsupSamples.Iam();
        Assert.Equal(Convert.ToHexStringLower(IsupWireSamples.Iam), Convert.ToHexStringLower(iam.Encode()));
        Assert.Equal(6, iam.Parameters.Count(p => p.Kind == IsupParameterKind.Optional));
    }

    [Fact]
    public void There_is_a_sample_of_every_type_the_codec_knows()
    {
        var types = IsupSamples.All().Select(m => m.Type).ToHashSet();
        for (int c = 0; c < 256; c++)
        {
            if (IsupMessageFormats.IsKnown((IsupMessageType)c)) Assert.Contains((IsupMessageType)c, types);
        }
        Assert.Equal(types.Count, IsupSamples.All().Count);
    }
}
