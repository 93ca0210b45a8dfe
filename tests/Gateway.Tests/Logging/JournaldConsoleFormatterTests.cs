using Gateway.Logging;
using Serilog;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class JournaldConsoleFormatterTests
{
    private static string Format(LogEvent e)
    {
        var output = new StringWriter();
        new JournaldConsoleFormatter().Format(e, output);
        return output.ToString();
    }

    [Theory]
    [InlineData(LogEventLevel.Verbose, "<7>")]
    [InlineData(LogEventLevel.Debug, "<7>")]
    [InlineData(LogEventLevel.Information, "<6>")]
    [InlineData(LogEventLevel.Warning, "<4>")]
    [InlineData(LogEventLevel.Error, "<3>")]
    [InlineData(LogEventLevel.Fatal, "<2>")]
    public void Lines_start_with_the_syslog_severity(LogEventLevel level, string prefix)
    {
        Assert.Equal(prefix + "Gateway.Sip.Transport: listening on udp:5060\n", Format(LogEvents.Create("listening on {Endpoint}", level, "Gateway.Sip.Transport", properties: [("Endpoint", "udp:5060")])));
    }

    [Fact]
    public void Each_event_is_exactly_one_line_even_with_newlines_and_exception()
    {
        Exception exception;
        try
        {
            throw new InvalidOperationException("bad\nthing");
        }
        catch (InvalidOperationException ex)
        {
            exception = ex;
        }

        string text = Format(LogEvents.Create("a\r\nb {X}", LogEventLevel.Error, "Cat", exception, properties: [("X", "c\nd")]));

        Assert.EndsWith("\n", text);
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.DoesNotContain('\r', text);
        Assert.StartsWith("<3>Cat: a  b c d | System.InvalidOperationException: bad thing ", text);
        Assert.Contains(nameof(Each_event_is_exactly_one_line_even_with_newlines_and_exception), text); // stack trace kept
    }

    [Fact]
    public void Without_category_the_line_is_priority_and_message()
    {
        Assert.Equal("<6>event=start version=0.1.0\n", Format(LogEvents.Create("event={E} version={V}", properties: [("E", "start"), ("V", "0.1.0")])));
    }

    [Fact]
    public void Consecutive_events_are_consecutive_lines()
    {
        var captured = new StringWriter();
        var formatter = new JournaldConsoleFormatter();
        for (int i = 0; i < 3; i++)
        {
            formatter.Format(LogEvents.Create("n={N}", properties: [("N", i)]), captured);
        }

        Assert.Equal("<6>n=0\n<6>n=1\n<6>n=2\n", captured.ToString());
    }

    [Fact]
    public void Plugs_into_the_console_sink()
    {
        // Only builds the pipeline (writing would go to the process's real stdout).
        using Serilog.Core.Logger logger = new LoggerConfiguration()
            .WriteTo.Console(new JournaldConsoleFormatter())
            .CreateLogger();
        Assert.NotNull(logger);
    }
}
