namespace Gateway.Sip.Tests.Transactions;

/// <summary>
/// A clock the test sets and timers the test fires by hand, at any moment — including too early or after they were
/// stopped — to reproduce the races real timers have with events.
/// </summary>
internal sealed class ScriptedTimeProvider : TimeProvider
{
    public List<ScriptedTimer> Timers { get; } = [];

    /// <summary>The monotonic clock, in milliseconds.</summary>
    public long NowMilliseconds { get; set; }

    public override long TimestampFrequency => 1_000;

    public override long GetTimestamp() => NowMilliseconds;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ScriptedTimer(callback, state) { Due = dueTime };
        Timers.Add(timer);
        return timer;
    }

    internal sealed class ScriptedTimer(TimerCallback callback, object? state) : ITimer
    {
        /// <summary>The last due time it was given (infinite when stopped).</summary>
        public TimeSpan Due { get; set; }

        public bool Disposed { get; private set; }

        /// <summary>Runs the callback now, as a timer thread would, whether or not the timer is due.</summary>
        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime;
            return true;
        }

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
