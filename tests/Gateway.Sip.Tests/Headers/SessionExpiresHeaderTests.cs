using System.Text;

namespace Gateway.Sip.Tests;

public sealed class SessionExpiresHeaderTests
{
    [Theory]
    [InlineData("1800", 1800u, SessionRefresher.Unspecified)]
    [InlineData("4000;refresher=uac", 4000u, SessionRefresher.Uac)]
    [InlineData(" 90 ; REFRESHER = UAS ; x ", 90u, SessionRefresher.Uas)]
    [InlineData("4294967295", uint.MaxValue, SessionRefresher.Unspecified)]
    public void Parses_interval_and_refresher(string value, uint seconds, SessionRefresher refresher)
    {
        Assert.True(SessionExpiresHeader.TryParse(Encoding.UTF8.GetBytes(value), out SessionExpiresHeader? se));
        Assert.Equal(seconds, se.DeltaSeconds);
        Assert.Equal(refresher, se.Refresher);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("1800;refresher=proxy")]
    [InlineData("1800;refresher")]
    [InlineData("1800;refresher=\"uac\"")]
    [InlineData("1800;refresher=uac;refresher=uas")]
    [InlineData("1800;")]
    [InlineData("1800 seconds")]
    public void Rejects_malformed_values(string value) => Assert.False(SessionExpiresHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Fact]
    public void Formats_values()
    {
        Assert.Equal("1800;refresher=uac", SessionExpiresHeader.Format(1800, SessionRefresher.Uac));
        Assert.Equal("90", SessionExpiresHeader.Format(90));
        Assert.True(SessionExpiresHeader.TryParse("1800 ; refresher = uas"u8, out SessionExpiresHeader? se));
        Assert.Equal("1800;refresher=uas", se.ToString());
    }
}
