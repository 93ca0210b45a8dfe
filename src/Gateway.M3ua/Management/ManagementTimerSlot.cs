namespace Gateway.M3ua;

/// <summary>
/// One re-armable timer on the injected <see cref="TimeProvider"/>. The <see cref="ITimer"/> is created on first use and
/// re-armed from then on. An expiry takes the owner's lock and is dropped when the slot was stopped or re-armed after the
/// callback was scheduled (a stale callback), so a stop under the lock always wins.
/// </summary>
internal sealed class ManagementTimerSlot
{
    private static readonly TimerCallback Elapsed = static state => ((ManagementTimerSlot)state!).OnElapsed();

    private readonly M3uaManagement _owner;
    private ITimer? _timer;
    private long _dueTimestamp;

    public ManagementTimerSlot(M3uaManagement owner, ManagementTimer kind, TrackedDestination? destination = null)
    {
        _owner = owner;
        Kind = kind;
        Destination = destination;
    }

    /// <summary>Which timer this slot runs.</summary>
    public ManagementTimer Kind { get; }

    /// <summary>For <see cref="ManagementTimer.Congestion"/>: the destination whose congestion ends.</summary>
    public TrackedDestination? Destination { get; }

    /// <summary>Whether the slot is running. Under the owner's lock.</summary>
    public bool IsArmed { get; private set; }

    /// <summary>Starts or restarts the slot for <paramref name="duration"/>; under the owner's lock.</summary>
    public void Start(TimeSpan duration)
    {
        TimeProvider time = _owner.Time;
        IsArmed = true;
        _dueTimestamp = time.GetTimestamp() + (long)((Int128)duration.Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond);
        if (_timer is null)
        {
            // The slot outlives the event that first armed it: that event's ExecutionContext (log scopes) must not flow
            // into every later expiry.
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

    /// <summary>Stops the slot; the timer object is kept for the next start. Under the owner's lock.</summary>
    public void Stop()
    {
        if (IsArmed)
        {
            IsArmed = false;
            _timer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the slot and releases its timer: the owner is done with it.</summary>
    public void Dispose()
    {
        IsArmed = false;
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>
    /// Under the owner's lock, on an expiry: true when the slot is due now. A stale callback (the slot stopped) is
    /// dropped; an early one (the slot re-armed meanwhile) is re-armed for the rest.
    /// </summary>
    public bool TakeExpiry()
    {
        if (!IsArmed)
        {
            return false;
        }

        TimeProvider time = _owner.Time;
        long now = time.GetTimestamp();
        if (now < _dueTimestamp)
        {
            long frequency = time.TimestampFrequency;
            long ticks = (long)((((Int128)(_dueTimestamp - now) * TimeSpan.TicksPerSecond) + frequency - 1) / frequency);
            _timer!.Change(TimeSpan.FromTicks(Math.Max(1, ticks)), Timeout.InfiniteTimeSpan);
            return false;
        }

        IsArmed = false;
        return true;
    }

    private void OnElapsed() => _owner.OnTimerElapsed(this);
}
