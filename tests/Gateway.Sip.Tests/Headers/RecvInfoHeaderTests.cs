using System.Text;

namespace Gateway.Sip.Tests;

public sealed class RecvInfoHeaderTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("foo", new[] { "foo" })]
    [InlineData("foo, bar;x=1 ,\r\n baz", new[] { "foo", "bar", "baz" })]
    public void Parses_package_lists_including_the_empty_one(string value, string[] names)
    {
        var packages = new List<InfoPackageHeader>();
        Assert.True(RecvInfoHeader.TryParseList(Encoding.UTF8.GetBytes(value), packages));
        Assert.Equal(names, packages.Select(p => p.Name));
    }

    [Theory]
    [InlineData("foo,")]
    [InlineData("foo,,bar")]
    [InlineData("foo;")]
    public void Rejects_malformed_lists(string value)
    {
        var packages = new List<InfoPackageHeader>();
        Assert.False(RecvInfoHeader.TryParseList(Encoding.UTF8.GetBytes(value), packages));
        Assert.Empty(packages);
    }
}
