using Serilog.Events;
using Serilog.Formatting;

namespace Gateway.Logging;

/// <summary>
/// Console format for running under systemd: exactly one line per event,
/// <c>&lt;N&gt;Category: message</c>, where N is the syslog severity (journald reads a leading
/// <c>&lt;N&gt;</c> as PRIORITY when SyslogLevelPrefix is on, the default). No timestamp: journald adds
/// its own. CR/LF in the message and in the exception (written after <c> | </c>, with its stack
/// trace) become spaces. Without a SourceContext the line is <c>&lt;N&gt;message</c>.
/// </summary>
public sealed class JournaldConsoleFormatter : ITextFormatter
{
    [ThreadStatic]
    private static PooledTextWriter? t_line;

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        PooledTextWriter line = t_line ??= new PooledTextWriter(256);
        line.Clear();
        line.Write('<');
        line.Write((char)('0' + (int)SyslogSeverityMap.ToSeverity(logEvent.Level)));
        line.Write('>');
        if (LogEventText.GetSourceContext(logEvent) is { } category)
        {
            line.Write(category);
            line.Write(": ");
        }

        MessageRenderer.Render(logEvent, line);
        if (logEvent.Exception is { } exception)
        {
            line.Write(LogEventText.ExceptionSeparator);
            line.Write(exception.ToString());
        }

        LogEventText.FlattenNewlines(line.WrittenSpan);
        output.Write(line.WrittenSpan);
        output.Write('\n');
    }
}
