using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Gateway.Tests.Logging;

/// <summary>Builds <see cref="LogEvent"/>s directly, with properties in a known order.</summary>
internal static class LogEvents
{
    public static readonly DateTimeOffset DefaultTimestamp = new DateTimeOffset(2024, 3, 5, 7, 8, 9, TimeSpan.Zero).AddTicks(1234560);

    private static readonly MessageTemplateParser Parser = new();

    public static LogEvent Create(
        string template,
        LogEventLevel level = LogEventLevel.Information,
        string? sourceContext = null,
        Exception? exception = null,
        DateTimeOffset? timestamp = null,
        params (string Name, object? Value)[] properties)
    {
        var list = new List<LogEventProperty>();
        foreach ((string name, object? value) in properties)
        {
            list.Add(new LogEventProperty(name, value as LogEventPropertyValue ?? new ScalarValue(value)));
        }

        if (sourceContext is not null)
        {
            list.Add(new LogEventProperty(Constants.SourceContextPropertyName, new ScalarValue(sourceContext)));
        }

        return new LogEvent(timestamp ?? DefaultTimestamp, level, exception, Parser.Parse(template), list);
    }
}
