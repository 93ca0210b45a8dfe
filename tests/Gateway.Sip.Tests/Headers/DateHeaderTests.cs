using System.Text;

namespace Gateway.Sip.Tests;

public sealed class DateHeaderTests
{
    [Theory]
    [InlineData("Sat, 13 Nov 2010 23:29:00 GMT", 2010, 11, 13, 23, 29, 0)]
    [InlineData(" Sat, 15 Oct 2005 04:44:56 GMT\r\n", 2005, 10, 15, 4, 44, 56)]
    [InlineData("Thu, 29 Feb 2024 00:00:00 GMT", 2024, 2, 29, 0, 0, 0)]
    public void Parses_rfc1123_dates_in_gmt(string value, int year, int month, int day, int hour, int minute, int second)
    {
        Assert.True(DateHeader.TryParse(Encoding.UTF8.GetBytes(value), out DateTimeOffset date));
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Fri, 01 Jan 2010 16:00:00 EST")]
    [InlineData("Fri, 01 Jan 2010 16:00:00 UTC")]
    [InlineData("Fri, 01 Jan 2010 16:00:00 +0000")]
    [InlineData("fri, 01 Jan 2010 16:00:00 GMT")]
    [InlineData("Fri, 01 JAN 2010 16:00:00 GMT")]
    [InlineData("Fri, 1 Jan 2010 16:00:00 GMT")]
    [InlineData("Fri,01 Jan 2010 16:00:00 GMT")]
    [InlineData("Fri, 01 Jan 10 16:00:00 GMT")]
    [InlineData("Fri, 30 Feb 2010 16:00:00 GMT")]
    [InlineData("Fri, 01 Jan 2010 24:00:00 GMT")]
    [InlineData("Fri, 01 Jan 2010 16:60:00 GMT")]
    [InlineData("Fri, 01 Jan 2010 16:00:60 GMT")]
    [InlineData("Friday, 01-Jan-10 16:00:00 GMT")]
    [InlineData("Fri Jan  1 16:00:00 2010")]
    [InlineData("Fri, 01 Jan 2010 16:00:00 GMT junk")]
    public void Rejects_anything_but_rfc1123_gmt(string value) => Assert.False(DateHeader.TryParse(Encoding.UTF8.GetBytes(value), out _), value);

    [Fact]
    public void Torture_baddate_non_gmt_zone_is_rejected() =>
        Assert.False(DateHeader.TryParse(RawMessage.Load("torture", "baddate.dat").Value("Date"), out _));

    [Fact]
    public void Torture_mpart01_date_is_valid()
    {
        Assert.True(DateHeader.TryParse(RawMessage.Load("torture", "mpart01.dat").Value("Date"), out DateTimeOffset date));
        Assert.Equal(new DateTimeOffset(2005, 10, 15, 4, 44, 56, TimeSpan.Zero), date);
    }

    [Fact]
    public void Formats_what_it_parses()
    {
        var date = new DateTimeOffset(2010, 11, 13, 23, 29, 0, TimeSpan.FromHours(2));
        string text = DateHeader.Format(date);
        Assert.Equal("Sat, 13 Nov 2010 21:29:00 GMT", text);
        Assert.True(DateHeader.TryParse(Encoding.UTF8.GetBytes(text), out DateTimeOffset parsed));
        Assert.Equal(date, parsed);
    }
}
