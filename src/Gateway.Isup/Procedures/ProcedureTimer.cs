namespace Gateway.Isup;

/// <summary>
/// One re-armable timer slot of a circuit, a request or a group, on the injected <see cref="TimeProvider"/>. The
/// underlying <see cref="ITimer"/> is created on first use and re-armed from then on, so the timers every call runs
/// (T7, T9, T1, T5) allocate nothing per call. An expiry takes the group's lock and is dropped when the slot was
/// stopped or re-armed meanwhile.
/// </summary>
internal sealed class ProcedureTimer
{
    private static readonly TimerCallback Elapsed = static state => ((ProcedureTimer)state!).OnElapsed();

    private readonly CircuitGroup _group;
    private ITimer? _timer;
    private long _dueTimestamp;

    public ProcedureTimer(CircuitGroup group, IProcedureTimerTarget target)
    {
        _group = group;
        Target = target;
    }

    /// <summary>Who hears the expiry.</summary>
    public IProcedureTimerTarget Target { get; }

    /// <summary>The timer the slot runs as; null when stopped. Read and written under the group's lock.</summary>
    public IsupTimer? Armed { get; private set; }

    /// <summary>Starts (or restarts) the slot as <paramref name="timer"/>; a disabled timer (zero duration) only stops it.</summary>
    public void Start(IsupTimer timer)
    {
        TimeSpan duration = _group.Timers.Duration(timer);
        if (duration <= TimeSpan.Zero)
        {
            Stop();
            return;
        }

        TimeProvider time = _group.Time;
        Armed = timer;
        _dueTimestamp = time.GetTimestamp() + ToTimestampUnits(time, duration);
        if (_timer is null)
        {
            // A timer captures its creator's ExecutionContext; the slot outlives the event that first armed it, so
            // that event's AsyncLocals (log scopes, activities) must not flow into every later expiry.
            bool suppress = !ExecutionContext.IsFlowSuppressed();
            AsyncFlowControl flow = suppress ? ExecutionContext.SuppressFlow() : default;
            try
            {
                _timer = time.CreateTimer(Elapsed, this, duration, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                if (suppress)
                {
                    flow.Undo();
                }
            }
        }
        else
        {
            _timer.Change(duration, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the slot if it runs as <paramref name="timer"/>.</summary>
    public void Stop(IsupTimer timer)
    {
        if (Armed == timer)
        {
            Stop();
        }
    }

    /// <summary>Stops the slot whatever it runs as; the timer object is kept for the next start.</summary>
    public void Stop()
    {
        if (Armed is not null)
        {
            Armed = null;
            _timer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the slot and releases its timer (the owner is done with it).</summary>
    public void Dispose()
    {
        Armed = null;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>
    /// Under the group's lock, on an expiry: the timer that expired, or null when the callback is stale (the slot was
    /// stopped or restarted after the callback was scheduled; an early callback is re-armed for the rest).
    /// </summary>
    public IsupTimer? TakeExpiry()
    {
        if (Armed is not IsupTimer timer)
        {
            return null;
        }

        TimeProvider time = _group.Time;
        long now = time.GetTimestamp();
        if (now < _dueTimestamp)
        {
            long frequency = time.TimestampFrequency;
            long ticks = (long)((((Int128)(_dueTimestamp - now) * TimeSpan.TicksPerSecond) + frequency - 1) / frequency);
            _timer!.Change(TimeSpan.FromTicks(Math.Max(1, ticks)), Timeout.InfiniteTimeSpan);
            return null;
        }

        Armed = null;
        return timer;
    }

    private static long ToTimestampUnits(TimeProvider time, TimeSpan duration) =>
        (long)((Int128)duration.Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private void OnElapsed() => _group.OnTimerElapsed(this);
}
