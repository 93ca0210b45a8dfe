using System.Text;

namespace Gateway.Sip.Tests;

public sealed class MinSeHeaderTests
{
    [Theory]
    [InlineData("90", 90u)]
    [InlineData(" 0090 ;x=y", 90u)]
    public void Parses_the_minimum(string value, uint seconds)
    {
        Assert.True(MinSeHeader.TryParse(Encoding.UTF8.GetBytes(value), out MinSeHeader? minSe));
        Assert.Equal(seconds, minSe.DeltaSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ninety")]
    [InlineData("90;")]
    [InlineData("99999999999")]
    public void Rejects_malformed_values(string value) => Assert.False(MinSeHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Fact]
    public void Formats_header_syntax()
    {
        Assert.True(MinSeHeader.TryParse("120 ; a=b"u8, out MinSeHeader? minSe));
        Assert.Equal("120;a=b", minSe.ToString());
    }
}
