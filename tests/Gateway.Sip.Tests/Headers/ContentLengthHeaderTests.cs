using System.Text;

namespace Gateway.Sip.Tests;

public sealed class ContentLengthHeaderTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData(" 408", 408)]
    [InlineData("0150   ", 150)]
    [InlineData("2147483647", int.MaxValue)]
    public void Parses_lengths(string value, int length)
    {
        Assert.True(ContentLengthHeader.TryParse(Encoding.UTF8.GetBytes(value), out int parsed));
        Assert.Equal(length, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-999")]
    [InlineData("+5")]
    [InlineData("2147483648")]
    [InlineData("1 2")]
    [InlineData("12a")]
    public void Rejects_invalid_lengths(string value) => Assert.False(ContentLengthHeader.TryParse(Encoding.UTF8.GetBytes(value), out _));

    [Fact]
    public void Torture_ncl_negative_length_is_rejected() =>
        Assert.False(ContentLengthHeader.TryParse(RawMessage.Load("torture", "ncl.dat").Value("Content-Length"), out _));

    [Fact]
    public void Torture_clerr_length_parses_the_mismatch_is_the_message_layers_to_find()
    {
        Assert.True(ContentLengthHeader.TryParse(RawMessage.Load("torture", "clerr.dat").Value("Content-Length"), out int length));
        Assert.Equal(9999, length);
    }
}
