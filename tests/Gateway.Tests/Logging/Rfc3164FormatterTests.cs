using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class Rfc3164FormatterTests
{
    [Fact]
    public void Network_form_has_local_time_padded_day_hostname_and_tag_with_pid()
    {
        var formatter = new Rfc3164Formatter(SyslogTestOptions.Create(SyslogFormat.Rfc3164), local: false);
        LogEvent e = LogEvents.Create("call {CallId} answered", sourceContext: "Gateway.Calls", properties: [("CallId", 42)]);

        // 07:08:09Z in the test zone (UTC+2) is 09:08:09; day 5 is padded with a space.
        Assert.Equal("<134>Mar  5 09:08:09 gw1 sip-isup-gateway[4242]: call 42 answered", formatter.FormatToString(e));
    }

    [Fact]
    public void Local_form_for_dev_log_has_no_hostname()
    {
        var formatter = new Rfc3164Formatter(SyslogTestOptions.Create(SyslogFormat.Rfc3164), local: true);

        Assert.Equal(
            "<132>Mar  5 09:08:09 sip-isup-gateway[4242]: link down",
            formatter.FormatToString(LogEvents.Create("link down", LogEventLevel.Warning)));
    }

    [Fact]
    public void Create_picks_the_local_form_for_the_unix_transport()
    {
        SyslogSinkOptions options = SyslogTestOptions.Create(SyslogFormat.Rfc3164, SyslogTransport.Unix);

        var formatter = Assert.IsType<Rfc3164Formatter>(SyslogFormatter.Create(options));

        Assert.True(formatter.IsLocal);
    }

    [Fact]
    public void Two_digit_days_and_all_month_names_use_the_c_locale()
    {
        string[] expected = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        SyslogSinkOptions options = SyslogTestOptions.Create(SyslogFormat.Rfc3164);
        var clock = (Gateway.Testing.FixedTimeProvider)options.TimeProvider!;
        var formatter = new Rfc3164Formatter(options, local: false);

        for (int month = 1; month <= 12; month++)
        {
            clock.Now = new DateTimeOffset(2024, month, 17, 21, 0, 1, TimeSpan.FromHours(2));
            Assert.StartsWith($"<134>{expected[month - 1]} 17 21:00:01 gw1 ", formatter.FormatToString(LogEvents.Create("m")));
        }
    }

    [Fact]
    public void Tag_characters_that_end_the_identifier_are_replaced()
    {
        SyslogSinkOptions options = SyslogTestOptions.Create(SyslogFormat.Rfc3164);
        options.AppName = "gw:[x] y";

        Assert.Equal(
            "<134>Mar  5 09:08:09 gw1 gw__x__y[4242]: m",
            new Rfc3164Formatter(options, local: false).FormatToString(LogEvents.Create("m")));
    }

    [Fact]
    public void Newlines_are_flattened()
    {
        var formatter = new Rfc3164Formatter(SyslogTestOptions.Create(SyslogFormat.Rfc3164), local: true);
        LogEvent e = LogEvents.Create(
            "first\r\nsecond\nthird {V}",
            LogEventLevel.Fatal,
            exception: new TimeoutException("a\r\nb"),
            properties: [("V", "x\ny")]);

        Assert.Equal(
            "<130>Mar  5 09:08:09 sip-isup-gateway[4242]: first  second third x y | System.TimeoutException: a  b",
            formatter.FormatToString(e));
    }
}
