using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class TerminalConsoleFormatterTests
{
    private static string Format(LogEvent e)
    {
        var output = new StringWriter();
        new TerminalConsoleFormatter().Format(e, output);
        return output.ToString();
    }

    [Fact]
    public void Line_has_time_level_category_and_unquoted_message()
    {
        var timestamp = new DateTimeOffset(2024, 3, 5, 9, 8, 7, 654, TimeSpan.FromHours(2));

        Assert.Equal(
            "09:08:07.654 WRN Gateway.M3ua: asp down peer=10.0.0.1\n",
            Format(LogEvents.Create("asp down peer={Peer}", LogEventLevel.Warning, "Gateway.M3ua", timestamp: timestamp, properties: [("Peer", "10.0.0.1")])));
    }

    [Fact]
    public void Exception_follows_on_the_next_lines()
    {
        var timestamp = new DateTimeOffset(2024, 3, 5, 9, 8, 7, 0, TimeSpan.Zero);

        string text = Format(LogEvents.Create("boom", LogEventLevel.Fatal, timestamp: timestamp, exception: new InvalidOperationException("x")));

        Assert.Equal("09:08:07.000 FTL boom\nSystem.InvalidOperationException: x\n", text);
    }

    [Theory]
    [InlineData(LogEventLevel.Verbose, "VRB")]
    [InlineData(LogEventLevel.Debug, "DBG")]
    [InlineData(LogEventLevel.Information, "INF")]
    [InlineData(LogEventLevel.Warning, "WRN")]
    [InlineData(LogEventLevel.Error, "ERR")]
    [InlineData(LogEventLevel.Fatal, "FTL")]
    public void Level_abbreviations(LogEventLevel level, string text)
    {
        Assert.Equal(text, TerminalConsoleFormatter.LevelText(level));
    }
}
