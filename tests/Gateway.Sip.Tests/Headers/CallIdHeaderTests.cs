using System.Text;

namespace Gateway.Sip.Tests;

public sealed class CallIdHeaderTests
{
    [Theory]
    [InlineData("f81d4fae-7dec-11d0-a765-00a0c91e6bf6@biloxi.com")]
    [InlineData("a84b4c76e66710")]
    [InlineData("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{")]
    [InlineData("3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..")]
    public void Accepts_word_at_word(string value)
    {
        Assert.True(CallIdHeader.TryParse(Encoding.UTF8.GetBytes("  " + value + " "), out string? callId));
        Assert.Equal(value, callId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@host")]
    [InlineData("id@")]
    [InlineData("a@b@c")]
    [InlineData("a b")]
    [InlineData("a,b")]
    [InlineData("a;b")]
    [InlineData("a=b")]
    [InlineData("é@host")]
    public void Rejects_malformed_call_ids(string value) => Assert.False(CallIdHeader.TryParse(Encoding.UTF8.GetBytes(value), out _));

    [Theory]
    [InlineData("wsinv.dat", "wsinv.ndaksdj@192.0.2.1")]
    [InlineData("esc02.dat", "esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf")]
    [InlineData("transports.dat", "transports.kijh4akdnaqjkwendsasfdj")]
    [InlineData("unksm2.dat", "unksm2.daksdj@hyphenated-host.example.com")]
    public void Torture_call_ids(string file, string expected)
    {
        Assert.True(CallIdHeader.TryParse(RawMessage.Load("torture", file).Value("Call-ID", "i"), out string? callId));
        Assert.Equal(expected, callId);
    }
}
