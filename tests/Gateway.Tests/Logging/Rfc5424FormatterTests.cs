using System.Text;
using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class Rfc5424FormatterTests
{
    private static string Format(LogEvent logEvent, SyslogSinkOptions? options = null) =>
        new Rfc5424Formatter(options ?? SyslogTestOptions.Create(SyslogFormat.Rfc5424)).FormatToString(logEvent);

    [Fact]
    public void Without_properties_structured_data_is_nil_and_msgid_is_nil()
    {
        string line = Format(LogEvents.Create("gateway started"));

        Assert.Equal("<134>1 2024-03-05T07:08:09.123456Z gw1 sip-isup-gateway 4242 - - gateway started", line);
    }

    [Fact]
    public void Scalar_properties_go_to_one_sd_element_and_msgid_is_last_category_segment()
    {
        LogEvent e = LogEvents.Create(
            "call {CallId} answered by {Peer}",
            sourceContext: "Gateway.Calls.CallManager",
            properties: [("CallId", 42), ("Peer", "sip:bob@example.com")]);

        Assert.Equal(
            "<134>1 2024-03-05T07:08:09.123456Z gw1 sip-isup-gateway 4242 CallManager "
            + "[gw@32473 CallId=\"42\" Peer=\"sip:bob@example.com\" SourceContext=\"Gateway.Calls.CallManager\"] "
            + "call 42 answered by sip:bob@example.com",
            Format(e));
    }

    [Fact]
    public void Param_values_escape_quote_backslash_and_bracket_and_names_are_sanitised()
    {
        LogEvent e = LogEvents.Create(
            "x",
            properties: [("odd name=\"]", "a\"b\\c]d"), ("multi", "l1\r\nl2")]);

        Assert.Equal(
            "<134>1 2024-03-05T07:08:09.123456Z gw1 sip-isup-gateway 4242 - "
            + "[gw@32473 odd_name___=\"a\\\"b\\\\c\\]d\" multi=\"l1  l2\"] x",
            Format(e));
    }

    [Fact]
    public void Non_scalar_properties_are_not_structured_data()
    {
        LogEvent e = LogEvents.Create(
            "{Codecs}",
            properties: [("Codecs", new SequenceValue([new ScalarValue("PCMA"), new ScalarValue("PCMU")]))]);

        Assert.Equal(
            "<134>1 2024-03-05T07:08:09.123456Z gw1 sip-isup-gateway 4242 - - [\"PCMA\", \"PCMU\"]",
            Format(e));
    }

    [Fact]
    public void Empty_message_has_no_trailing_space()
    {
        Assert.Equal("<134>1 2024-03-05T07:08:09.123456Z gw1 sip-isup-gateway 4242 - -", Format(LogEvents.Create("")));
    }

    [Fact]
    public void Exception_type_and_message_follow_the_message_on_the_same_line()
    {
        LogEvent e = LogEvents.Create(
            "link {Link} failed",
            LogEventLevel.Error,
            exception: new InvalidOperationException("peer\nreset"),
            properties: [("Link", "m3ua-1")]);

        Assert.Equal(
            "<131>1 2024-03-05T07:08:09.123456Z gw1 sip-isup-gateway 4242 - [gw@32473 Link=\"m3ua-1\"] "
            + "link m3ua-1 failed | System.InvalidOperationException: peer reset",
            Format(e));
    }

    [Fact]
    public void Header_fields_are_sanitised_and_bounded()
    {
        SyslogSinkOptions options = SyslogTestOptions.Create(SyslogFormat.Rfc5424);
        options.Hostname = "";
        options.AppName = "my app " + new string('a', 60);
        LogEvent e = LogEvents.Create("m", sourceContext: "Ns." + new string('C', 40));

        string line = Format(e, options);

        Assert.Equal(
            "<134>1 2024-03-05T07:08:09.123456Z - my_app_" + new string('a', 41) + " 4242 " + new string('C', 32) + " "
            + "[gw@32473 SourceContext=\"Ns." + new string('C', 40) + "\"] m",
            line);
    }

    [Fact]
    public void Without_time_provider_the_event_timestamp_is_used_in_utc()
    {
        SyslogSinkOptions options = SyslogTestOptions.Create(SyslogFormat.Rfc5424);
        options.TimeProvider = null;
        var timestamp = new DateTimeOffset(2023, 12, 31, 23, 59, 58, TimeSpan.FromHours(-5)).AddTicks(10);

        string line = Format(LogEvents.Create("m", timestamp: timestamp), options);

        Assert.StartsWith("<134>1 2024-01-01T04:59:58.000001Z gw1 ", line);
    }

    [Fact]
    public void Output_has_no_bom()
    {
        var formatter = new Rfc5424Formatter(SyslogTestOptions.Create(SyslogFormat.Rfc5424));
        var buffer = new byte[formatter.MaxMessageBytes];
        int length = formatter.Format(LogEvents.Create("ünïcödé"), buffer);

        Assert.Equal(-1, buffer.AsSpan(0, length).IndexOf("\uFEFF"u8));
        Assert.EndsWith(" - - ünïcödé", Encoding.UTF8.GetString(buffer, 0, length));
    }
}
