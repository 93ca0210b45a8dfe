using Gateway.Isup.Tests.Samples;
using Gateway.Testing;
using Xunit.Abstractions;

namespace Gateway.Isup.Tests.Tshark;

/// <summary>
/// Wireshark, an independent decoder, reads every message type we encode as the type we meant, without finding it
/// malformed or raising an expert warning or error. A missing tshark fails the test (`make test` installs it).
/// </summary>
public sealed class TsharkRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_message_type_we_encode_is_decoded_by_tshark_without_defect()
    {
        var samples = IsupSamples.All();
        var frames = Gateway.Testing.Tshark.DecodeIsupOverMtp3(samples.Select(m => m.Encode()).ToList(), "isup.message_type", "isup.cic");
        output.WriteLine(Gateway.Testing.Tshark.Version());

        Assert.Equal(samples.Count, frames.Count);
        var problems = new List<string>();
        for (int i = 0; i < samples.Count; i++)
        {
            var frame = frames[i];
            output.WriteLine($"{samples[i].Type}: {frame}");
            // A PAM shows its own type and then the embedded message's.
            if (frame.Fields[0].Split('|')[0] != ((byte)samples[i].Type).ToString() || frame.Fields[1] != IsupSamples.Cic.ToString()
                || frame.Malformed || frame.MaxSeverity >= Gateway.Testing.Tshark.Warning)
            {
                problems.Add($"{samples[i].Type} ({Convert.ToHexStringLower(samples[i].Encode())}): {frame}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void The_tshark_harness_sees_a_malformed_message_as_malformed()
    {
        // jss7_CNF: its first pointer designates the second pointer octet. If this passed as clean, the test above
        // would prove nothing.
        var frames = Gateway.Testing.Tshark.DecodeIsupOverMtp3([Convert.FromHexString("0c0b2f01028090")], "isup.message_type");
        Assert.True(frames.Single().Malformed);
        Assert.True(frames.Single().MaxSeverity >= Gateway.Testing.Tshark.Error);
    }
}
