using System.Text;

namespace Gateway.Sip.Tests;

public sealed class AllowHeaderTests
{
    [Fact]
    public void Parses_the_sipi_allow_list()
    {
        var methods = new List<string>();
        Assert.True(AllowHeader.TryParseList(RawMessage.Load("calls", "nmusco_sipi_100_trying.txt").Value("Allow"), methods));
        Assert.Equal(["INVITE", "BYE", "REGISTER", "ACK", "OPTIONS", "CANCEL", "INFO", "SUBSCRIBE", "NOTIFY", "REFER", "UPDATE"], methods);
    }

    [Theory]
    [InlineData("")]
    [InlineData("INVITE")]
    [InlineData("INVITE, ACK ,\r\n BYE, X-CUSTOM")]
    public void Accepts_method_lists_including_an_empty_one(string value) => Assert.True(AllowHeader.TryParseList(Encoding.UTF8.GetBytes(value), []));

    [Theory]
    [InlineData("INVITE,")]
    [InlineData("INVITE ACK")]
    [InlineData("INVITE;x")]
    public void Rejects_malformed_lists(string value) => Assert.False(AllowHeader.TryParseList(Encoding.UTF8.GetBytes(value), []));
}
