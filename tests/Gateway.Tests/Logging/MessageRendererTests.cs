using Gateway.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class MessageRendererTests
{
    [Fact]
    public void String_scalars_are_not_quoted_so_key_value_templates_stay_plain()
    {
        LogEvent e = LogEvents.Create(
            "event={Event} version={Version} config={Config}",
            properties: [("Event", "start"), ("Version", "0.1.0"), ("Config", "/etc/x.json")]);

        Assert.Equal("event=start version=0.1.0 config=/etc/x.json", MessageRenderer.Render(e));
        Assert.Equal("event=\"start\" version=\"0.1.0\" config=\"/etc/x.json\"", e.RenderMessage()); // what we avoid
    }

    [Fact]
    public void Other_scalars_use_the_invariant_culture_and_the_format_specifier()
    {
        LogEvent e = LogEvents.Create(
            "{D} {N:000} {B} {C} {Null} {T:HH:mm}",
            properties: [("D", 1234.5), ("N", 7), ("B", true), ("C", 'x'), ("Null", null), ("T", new DateTime(2024, 1, 2, 3, 4, 5))]);

        Assert.Equal("1234.5 007 True x null 03:04", MessageRenderer.Render(e));
    }

    [Fact]
    public void Missing_properties_are_rendered_as_their_token_text()
    {
        LogEvent e = LogEvents.Create("a={A} b={B,5:000} c={@C}", properties: [("A", 1)]);

        Assert.Equal("a=1 b={B,5:000} c={@C}", MessageRenderer.Render(e));
    }

    [Fact]
    public void Alignment_pads_left_and_right()
    {
        LogEvent e = LogEvents.Create("[{L,-4}][{R,4}][{Long,2}]", properties: [("L", "ab"), ("R", 7), ("Long", "abcdef")]);

        Assert.Equal("[ab  ][   7][abcdef]", MessageRenderer.Render(e));
    }

    [Fact]
    public void Structured_values_keep_serilog_rendering()
    {
        var captured = new List<LogEvent>();
        using (Logger logger = new LoggerConfiguration().WriteTo.Sink(new CollectingSink(captured)).CreateLogger())
        {
            logger.Information("route {@Route} codecs {Codecs} name {$Name}", new { Dpc = 100, Cic = 3 }, new[] { "PCMA", "PCMU" }, "gw");
        }

        Assert.Equal("route { Dpc: 100, Cic: 3 } codecs [\"PCMA\", \"PCMU\"] name gw", MessageRenderer.Render(captured.Single()));
    }

    [Fact]
    public void Positional_properties_render()
    {
        var captured = new List<LogEvent>();
        using (Logger logger = new LoggerConfiguration().WriteTo.Sink(new CollectingSink(captured)).CreateLogger())
        {
            logger.Information("{0}->{1}", "a", 2);
        }

        Assert.Equal("a->2", MessageRenderer.Render(captured.Single()));
    }

    private sealed class CollectingSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
