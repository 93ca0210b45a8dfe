using Serilog.Core;
using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// The last few warnings and errors the daemon logged, for <c>sip-isup-gateway status</c>: an operator asking "what is
/// wrong" should not need to search the journal first. Only warning and above reach it, so keeping them costs nothing
/// on the call path.
/// </summary>
public sealed class RecentProblems : ILogEventSink
{
    public const int Capacity = 10;

    private readonly LoggedProblem[] _ring = new LoggedProblem[Capacity];
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Level < LogEventLevel.Warning) return;
        string text = MessageRenderer.Render(logEvent);
        if (logEvent.Exception is { } exception) text += LogEventText.ExceptionSeparator + exception.GetType().Name + ": " + exception.Message;
        var problem = new LoggedProblem(logEvent.Timestamp, logEvent.Level == LogEventLevel.Warning ? "warning" : "error", text);
        lock (_gate)
        {
            _ring[_next] = problem;
            _next = (_next + 1) % Capacity;
            _count = Math.Min(_count + 1, Capacity);
        }
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<LoggedProblem> Snapshot()
    {
        lock (_gate)
        {
            var problems = new LoggedProblem[_count];
            int start = (_next - _count + Capacity) % Capacity;
            for (int i = 0; i < _count; i++) problems[i] = _ring[(start + i) % Capacity];
            return problems;
        }
    }
}
