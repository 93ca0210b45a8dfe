namespace Gateway.Testing;

/// <summary>
/// Virtual time for tests: nothing moves until <see cref="Advance"/>, which fires every timer that falls due, in due
/// order, on the calling thread. Timer paths are then tested in microseconds and deterministically, never by sleeping.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _ticks;

    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate) return _ticks;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// Raised (on the arming thread, outside the provider's lock) whenever a timer is armed, so a test can advance time
    /// exactly when code running on another thread has set its timer, without polling.
    /// </summary>
    public event Action<TimeSpan>? TimerArmed;

    /// <summary>Completes the next time any timer is armed with <paramref name="dueTime"/> (any due time when null).</summary>
    public Task<TimeSpan> NextTimerArmed(TimeSpan? dueTime = null)
    {
        var armed = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(TimeSpan due)
        {
            if (dueTime is not null && due != dueTime) return;
            TimerArmed -= Handler;
            armed.TrySetResult(due);
        }
        TimerArmed += Handler;
        return armed.Task;
    }

    /// <summary>How many timers are armed now.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate) return _timers.Count(t => t.DueAt is not null);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by));
        long target;
        lock (_gate) target = _ticks + by.Ticks;
        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (var t in _timers)
                {
                    if (t.DueAt is long due && due <= target && (next is null || due < next.DueAt)) next = t;
                }
                if (next is null)
                {
                    _now += TimeSpan.FromTicks(target - _ticks);
                    _ticks = target;
                    return;
                }
                long at = next.DueAt!.Value;
                _now += TimeSpan.FromTicks(at - _ticks);
                _ticks = at;
                next.DueAt = next.Period is long p && p > 0 ? at + p : null;
            }
            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long? DueAt;
        public long? Period;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._ticks + dueTime.Ticks;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period.Ticks;
            }
            if (dueTime != Timeout.InfiniteTimeSpan) owner.TimerArmed?.Invoke(dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
