using System.Text;

namespace Gateway.Sip.Tests;

public sealed class MaxForwardsHeaderTests
{
    [Theory]
    [InlineData("70", 70)]
    [InlineData(" 0068 ", 68)]
    [InlineData("0", 0)]
    [InlineData("255", 255)]
    [InlineData("\r\n 5", 5)]
    public void Parses_hop_counts(string value, int hops)
    {
        Assert.True(MaxForwardsHeader.TryParse(Encoding.UTF8.GetBytes(value), out int parsed));
        Assert.Equal(hops, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("256")]
    [InlineData("300")]
    [InlineData("-1")]
    [InlineData("7 0")]
    [InlineData("70, 5")]
    [InlineData("seventy")]
    public void Rejects_invalid_hop_counts(string value) => Assert.False(MaxForwardsHeader.TryParse(Encoding.UTF8.GetBytes(value), out _));

    [Fact]
    public void Torture_scalar02_max_forwards_above_255_is_rejected() =>
        Assert.False(MaxForwardsHeader.TryParse(RawMessage.Load("torture", "scalar02.dat").Value("Max-Forwards"), out _));

    [Theory]
    [InlineData("wsinv.dat", 68)]
    [InlineData("zeromf.dat", 0)]
    [InlineData("intmeth.dat", 255)]
    [InlineData("baddn.dat", 70)]
    public void Torture_valid_values(string file, int hops)
    {
        Assert.True(MaxForwardsHeader.TryParse(RawMessage.Load("torture", file).Value("Max-Forwards"), out int parsed));
        Assert.Equal(hops, parsed);
    }
}
