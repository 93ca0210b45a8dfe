using System.Text;

namespace Gateway.Sip.Tests;

public sealed class OptionTagsHeaderTests
{
    [Theory]
    [InlineData("100rel", new[] { "100rel" })]
    [InlineData("100rel,timer,replaces", new[] { "100rel", "timer", "replaces" })]
    [InlineData(" timer ,\r\n replaces ", new[] { "timer", "replaces" })]
    [InlineData("nothingSupportsThis, nothingSupportsThisEither", new[] { "nothingSupportsThis", "nothingSupportsThisEither" })]
    public void Parses_option_tags(string value, string[] tags)
    {
        var list = new List<string>();
        Assert.True(OptionTagsHeader.TryParseList(Encoding.UTF8.GetBytes(value), list));
        Assert.Equal(tags, list);
    }

    [Fact]
    public void Empty_lists_are_valid_only_where_allowed()
    {
        var list = new List<string>();
        Assert.True(OptionTagsHeader.TryParseList(""u8, list, allowEmpty: true));
        Assert.False(OptionTagsHeader.TryParseList(" "u8, list));
        Assert.Empty(list);
    }

    [Theory]
    [InlineData("100rel,")]
    [InlineData("100rel,,timer")]
    [InlineData("100rel timer")]
    [InlineData("100rel;x=1")]
    [InlineData("\"100rel\"")]
    public void Rejects_malformed_lists(string value)
    {
        var list = new List<string>();
        Assert.False(OptionTagsHeader.TryParseList(Encoding.UTF8.GetBytes(value), list, allowEmpty: true));
        Assert.Empty(list);
    }

    [Fact]
    public void Common_tags_are_shared_strings()
    {
        var a = new List<string>();
        var b = new List<string>();
        Assert.True(OptionTagsHeader.TryParseList("100rel"u8, a));
        Assert.True(OptionTagsHeader.TryParseList("100rel"u8, b));
        Assert.Same(a[0], b[0]);
    }

    [Fact]
    public void Torture_bext01_unknown_tags_parse_the_420_is_the_application_layers()
    {
        var message = RawMessage.Load("torture", "bext01.dat");
        var require = new List<string>();
        var proxyRequire = new List<string>();
        Assert.True(OptionTagsHeader.TryParseList(message.Value("Require"), require));
        Assert.True(OptionTagsHeader.TryParseList(message.Value("Proxy-Require"), proxyRequire));
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], require);
        Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], proxyRequire);
    }

    [Fact]
    public void Sipi_vectors_require_and_supported()
    {
        var message = RawMessage.Load("calls", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin");
        var require = new List<string>();
        var supported = new List<string>();
        Assert.True(OptionTagsHeader.TryParseList(message.Value("Require"), require));
        Assert.True(OptionTagsHeader.TryParseList(message.Value("Supported"), supported, allowEmpty: true));
        Assert.Equal(["100rel"], require);
        Assert.Equal(["timer", "replaces"], supported);
    }
}
