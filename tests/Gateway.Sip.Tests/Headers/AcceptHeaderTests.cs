using System.Text;

namespace Gateway.Sip.Tests;

public sealed class AcceptHeaderTests
{
    private static List<MediaType> Parse(byte[] value)
    {
        var ranges = new List<MediaType>();
        Assert.True(AcceptHeader.TryParseList(value, ranges), Encoding.UTF8.GetString(value));
        return ranges;
    }

    [Fact]
    public void Parses_ranges_with_wildcards_and_q_values()
    {
        List<MediaType> ranges = Parse("application/sdp;level=1, application/*;q=0.5 ,*/*;q=0.1, text/html;q=1.000;x"u8.ToArray());
        Assert.Equal(["application/sdp", "application/*", "*/*", "text/html"], ranges.Select(r => r.Name));
        Assert.Equal("0.5", ranges[1].Parameters.GetValueOrDefault("q"));
        Assert.True(ranges[3].Parameters.Contains("x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_accept_is_valid_and_empty(string value) => Assert.Empty(Parse(Encoding.UTF8.GetBytes(value)));

    [Theory]
    [InlineData("application/sdp,")]
    [InlineData("application/sdp,,text/plain")]
    [InlineData("*/sdp")]
    [InlineData("application")]
    [InlineData("application/sdp;q=2")]
    [InlineData("application/sdp;q=\"0.5\"")]
    [InlineData("application/sdp;q")]
    public void Rejects_malformed_ranges(string value)
    {
        var ranges = new List<MediaType>();
        Assert.False(AcceptHeader.TryParseList(Encoding.UTF8.GetBytes(value), ranges), value);
        Assert.Empty(ranges);
    }

    [Fact]
    public void Torture_semiuri_folded_accept_list()
    {
        List<MediaType> ranges = Parse(RawMessage.Load("torture", "semiuri.dat").Value("Accept"));
        Assert.Equal(["application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag"], ranges.Select(r => r.Name));
    }

    [Fact]
    public void Torture_sdp01_unknown_accepted_type_parses_the_406_is_the_application_layers()
    {
        var message = RawMessage.Load("torture", "sdp01.dat");
        MediaType range = Assert.Single(Parse(message.Value("Accept")));
        Assert.Equal("text/nobodyknowsthis", range.Name);
        Assert.True(MediaType.TryParse(message.Value("Content-Type"), out MediaType? body));
        Assert.False(body.IsMatchedBy(range));
    }
}
