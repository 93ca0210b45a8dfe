using System.Text;
using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class SyslogTruncationTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData(SyslogFormat.Rfc5424, "€")]      // 3 bytes
    [InlineData(SyslogFormat.Rfc5424, "😀")]     // surrogate pair, 4 bytes
    [InlineData(SyslogFormat.Rfc3164, "é")]      // 2 bytes
    [InlineData(SyslogFormat.Rfc3164, "a😀")]
    public void Long_messages_are_cut_to_the_cap_on_a_utf8_boundary(SyslogFormat format, string unit)
    {
        const int cap = 600;
        SyslogFormatter formatter = SyslogFormatter.Create(SyslogTestOptions.Create(format, maxMessageBytes: cap));
        string message = string.Concat(Enumerable.Repeat(unit, 1000));
        var buffer = new byte[cap + 100];

        int length = formatter.Format(LogEvents.Create(message), buffer);

        Assert.InRange(length, cap - 3, cap);
        string line = StrictUtf8.GetString(buffer, 0, length); // throws on a split sequence
        Assert.DoesNotContain('\uFFFD', line);
        string marker = format == SyslogFormat.Rfc5424 ? " 4242 - - " : "[4242]: ";
        string msg = line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
        Assert.StartsWith(msg, message, StringComparison.Ordinal);
        Assert.NotEqual(message, msg);
    }

    [Fact]
    public void The_cap_also_bounds_a_short_destination()
    {
        var formatter = new Rfc5424Formatter(SyslogTestOptions.Create(SyslogFormat.Rfc5424, maxMessageBytes: 1000));
        var buffer = new byte[1000];

        int length = formatter.Format(LogEvents.Create(new string('x', 5000)), buffer);

        Assert.Equal(1000, length);
        Assert.Null(Rfc5424Validator.Validate(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void Structured_data_that_does_not_fit_leaves_out_whole_params_and_stays_valid()
    {
        var formatter = new Rfc5424Formatter(SyslogTestOptions.Create(SyslogFormat.Rfc5424, maxMessageBytes: 480));
        LogEvent e = LogEvents.Create(
            "message {A}",
            properties: [("A", "short"), ("B", new string('b', 400)), ("C", "c")]);

        string line = formatter.FormatToString(e);

        Assert.Contains("[gw@32473 A=\"short\" C=\"c\"] message short", line, StringComparison.Ordinal);
        Assert.Null(Rfc5424Validator.Validate(Encoding.UTF8.GetBytes(line)));
    }

    [Fact]
    public void Default_caps_are_8192_for_streams_and_unix_and_2048_for_udp()
    {
        Assert.Equal(8192, new SyslogSinkOptions { Transport = SyslogTransport.Unix }.EffectiveMaxMessageBytes);
        Assert.Equal(8192, new SyslogSinkOptions { Transport = SyslogTransport.Tcp, Host = "h" }.EffectiveMaxMessageBytes);
        Assert.Equal(2048, new SyslogSinkOptions { Transport = SyslogTransport.Udp, Host = "h" }.EffectiveMaxMessageBytes);
    }
}
