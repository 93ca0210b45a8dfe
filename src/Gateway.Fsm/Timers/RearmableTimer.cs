namespace Gateway.Fsm;

/// <summary>
/// One re-armable timer of a state machine's owner, on an injected <see cref="TimeProvider"/>: the <see cref="ITimer"/>
/// is created on first use and re-armed from then on, so timers that every call or request runs allocate nothing per
/// run. The owner calls every member under its own lock; its callback takes that lock and asks
/// <see cref="TakeExpiry"/>, which drops a stale callback (the timer was stopped meanwhile) and re-arms an early one
/// (it was restarted meanwhile), so a stop under the lock always wins.
/// </summary>
public sealed class RearmableTimer
{
    private readonly TimeProvider _time;
    private readonly TimerCallback _callback;
    private readonly object _state;
    private ITimer? _timer;
    private long _dueTimestamp;

    /// <param name="time">The clock (virtual in tests).</param>
    /// <param name="callback">Called on expiry, on a timer thread: it takes the owner's lock and calls <see cref="TakeExpiry"/>.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    public RearmableTimer(TimeProvider time, TimerCallback callback, object state)
    {
        _time = time;
        _callback = callback;
        _state = state;
    }

    /// <summary>Whether the timer runs.</summary>
    public bool IsArmed { get; private set; }

    /// <summary>Starts or restarts the timer for <paramref name="duration"/>.</summary>
    public void Start(TimeSpan duration)
    {
        IsArmed = true;
        _dueTimestamp = _time.GetTimestamp() + (long)((Int128)duration.Ticks * _time.TimestampFrequency / TimeSpan.TicksPerSecond);
        if (_timer is null)
        {
            // A timer captures its creator's ExecutionContext; this one outlives the event that first armed it, so
            // that event's AsyncLocals (log scopes, activities) must not flow into every later expiry.
            bool suppress = !ExecutionContext.IsFlowSuppressed();
            AsyncFlowControl flow = suppress ? ExecutionContext.SuppressFlow() : default;
            try
            {
                _timer = _time.CreateTimer(_callback, _state, duration, Timeout.InfiniteTimeSpan);
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

    /// <summary>Stops the timer; the timer object is kept for the next start.</summary>
    public void Stop()
    {
        if (IsArmed)
        {
            IsArmed = false;
            _timer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the timer and releases it: the owner is done with it.</summary>
    public void Dispose()
    {
        IsArmed = false;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>
    /// On an expiry: true when the timer is due now (it is then stopped). False for a stale callback, and for an early
    /// one, which is re-armed for the rest.
    /// </summary>
    public bool TakeExpiry()
    {
        if (!IsArmed)
        {
            return false;
        }

        long now = _time.GetTimestamp();
        if (now < _dueTimestamp)
        {
            long frequency = _time.TimestampFrequency;
            long ticks = (long)((((Int128)(_dueTimestamp - now) * TimeSpan.TicksPerSecond) + frequency - 1) / frequency);
            _timer!.Change(TimeSpan.FromTicks(Math.Max(1, ticks)), Timeout.InfiniteTimeSpan);
            return false;
        }

        IsArmed = false;
        return true;
    }
}
