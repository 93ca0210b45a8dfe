using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Testing;

/// <summary>An <see cref="ILogger"/> that keeps every formatted line, to check what the stack logs and how often.</summary>
public sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public IEnumerable<string> Matching(string fragment) => Lines.Select(l => l.Text).Where(t => t.Contains(fragment, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}
