using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;

namespace Gateway.Logging;

/// <summary>
/// Human-readable console format for an interactive terminal:
/// <c>HH:mm:ss.fff LVL Category: message</c> (time of the event's own offset, LVL one of
/// VRB DBG INF WRN ERR FTL), followed by the exception with its stack trace on the next lines.
/// </summary>
public sealed class TerminalConsoleFormatter : ITextFormatter
{
    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        Span<char> time = stackalloc char[12];
        logEvent.Timestamp.TryFormat(time, out int written, "HH:mm:ss.fff", CultureInfo.InvariantCulture);
        output.Write(time[..written]);
        output.Write(' ');
        output.Write(LevelText(logEvent.Level));
        output.Write(' ');
        if (LogEventText.GetSourceContext(logEvent) is { } category)
        {
            output.Write(category);
            output.Write(": ");
        }

        MessageRenderer.Render(logEvent, output);
        output.Write('\n');
        if (logEvent.Exception is { } exception)
        {
            output.Write(exception.ToString());
            output.Write('\n');
        }
    }

    /// <summary>The three-letter level abbreviation.</summary>
    public static string LevelText(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        LogEventLevel.Fatal => "FTL",
        _ => "???",
    };
}
