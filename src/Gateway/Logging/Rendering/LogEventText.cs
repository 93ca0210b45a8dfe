using Serilog.Core;
using Serilog.Events;

namespace Gateway.Logging;

/// <summary>Small helpers shared by the sinks and formatters.</summary>
internal static class LogEventText
{
    /// <summary>Separator written between the rendered message and the exception text.</summary>
    public const string ExceptionSeparator = " | ";

    /// <summary>The event's <c>SourceContext</c> (logger category) when it is a string scalar.</summary>
    public static string? GetSourceContext(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out LogEventPropertyValue? value)
        && value is ScalarValue { Value: string context }
        && context.Length > 0
            ? context
            : null;

    /// <summary>Replaces CR and LF with spaces, in place, so one event stays one line.</summary>
    public static void FlattenNewlines(Span<char> text)
    {
        text.Replace('\r', ' ');
        text.Replace('\n', ' ');
    }

    /// <summary>Writes <c>" | Type: message"</c> for <paramref name="exception"/>.</summary>
    public static void WriteExceptionSummary(Exception exception, TextWriter output)
    {
        output.Write(ExceptionSeparator);
        output.Write(exception.GetType().FullName);
        output.Write(": ");
        output.Write(exception.Message);
    }
}
