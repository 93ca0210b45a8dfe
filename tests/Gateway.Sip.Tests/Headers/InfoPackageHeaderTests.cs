using System.Text;

namespace Gateway.Sip.Tests;

public sealed class InfoPackageHeaderTests
{
    [Theory]
    [InlineData("foo", "foo", 0)]
    [InlineData(" dtmf ; x=1 ;y ", "dtmf", 2)]
    [InlineData("g.3gpp.state-and-event", "g.3gpp.state-and-event", 0)]
    public void Parses_one_package(string value, string name, int parameters)
    {
        Assert.True(InfoPackageHeader.TryParse(Encoding.UTF8.GetBytes(value), out InfoPackageHeader? package));
        Assert.Equal(name, package.Name);
        Assert.True(package.Is(name.ToUpperInvariant()));
        Assert.Equal(parameters, package.Parameters.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("foo, bar")]
    [InlineData("foo;")]
    [InlineData("\"foo\"")]
    [InlineData("foo bar")]
    public void Rejects_anything_but_one_package(string value) => Assert.False(InfoPackageHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Fact]
    public void Formats_header_syntax()
    {
        Assert.True(InfoPackageHeader.TryParse("foo ; a = \"b c\""u8, out InfoPackageHeader? package));
        Assert.Equal("foo;a=\"b c\"", package.ToString());
    }
}
