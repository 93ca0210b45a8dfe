using Gateway.Logging;

namespace Gateway.Tests.Logging;

/// <summary>Event-driven waits on a <see cref="SyslogSink"/>'s counters (no polling, no sleeps).</summary>
internal static class SinkCounters
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task WaitUntilAsync(SyslogSink sink, Func<SyslogSink, bool> condition)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(SyslogSink s)
        {
            if (condition(s))
            {
                reached.TrySetResult();
            }
        }

        sink.CountersChanged += OnChanged;
        try
        {
            OnChanged(sink);
            await reached.Task.WaitAsync(Timeout);
        }
        finally
        {
            sink.CountersChanged -= OnChanged;
        }
    }
}
