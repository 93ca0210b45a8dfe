using System.Diagnostics;

namespace Gateway.Fsm;

/// <summary>
/// The system clock, with timers that each wait and fire on a thread of their own. It drives the daemon's one
/// <see cref="TimerWheel"/> tick. Each expiry of a runtime timer costs three context switches on Linux: the runtime's
/// timer thread wakes to fire it, a pool thread wakes to run the callback, and the timer thread wakes again when that
/// callback sets the next due time. Under load the wheel ticks a hundred times a second, and those switches were a
/// fifth to a quarter of the daemon's (docs/performance.md, item 18). A thread of its own wakes once per expiry, and a
/// change made from its own callback wakes nothing. Meant for a few long-lived timers: every timer holds a thread until
/// it is disposed.
/// </summary>
public sealed class ThreadTimeProvider : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new ThreadTimer(callback, state, dueTime, period);
    }

    private sealed class ThreadTimer : ITimer
    {
        private readonly object _gate = new();
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private long _dueAt = long.MaxValue;
        private long _period;
        private bool _disposed;

        public ThreadTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            _state = state;
            Change(dueTime, period);
            new Thread(Run) { IsBackground = true, Name = "timer" }.Start();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
            ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.InfiniteTimeSpan);
            lock (_gate)
            {
                if (_disposed) return false;
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + ToTimestampTicks(dueTime);
                _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? 0 : ToTimestampTicks(period);
                Monitor.Pulse(_gate);
            }
            return true;
        }

        private void Run()
        {
            while (true)
            {
                lock (_gate)
                {
                    while (true)
                    {
                        if (_disposed) return;
                        long now = Stopwatch.GetTimestamp();
                        if (_dueAt <= now) break;
                        Monitor.Wait(_gate, WaitMilliseconds(_dueAt, now));
                    }
                    // As the runtime's periodic timers: the next expiry counts from this one's firing, not its due time.
                    _dueAt = _period > 0 ? Stopwatch.GetTimestamp() + _period : long.MaxValue;
                }

                // Outside the lock, so that the callback may change its own timer. An exception ends the process, as
                // one from a runtime timer's callback does.
                _callback(_state);
            }
        }

        /// <summary>Rounded up, so that the wait never ends before the due time; infinite when nothing is due.</summary>
        private static int WaitMilliseconds(long dueAt, long now)
        {
            if (dueAt == long.MaxValue) return Timeout.Infinite;
            long remaining = dueAt - now;
            long milliseconds = remaining / Stopwatch.Frequency * 1000
                + ((remaining % Stopwatch.Frequency * 1000) + Stopwatch.Frequency - 1) / Stopwatch.Frequency;
            return (int)Math.Min(milliseconds, int.MaxValue - 1);
        }

        private static long ToTimestampTicks(TimeSpan span) =>
            (long)Math.Min(span.Ticks * (double)Stopwatch.Frequency / TimeSpan.TicksPerSecond, long.MaxValue / 2);

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                Monitor.Pulse(_gate);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
