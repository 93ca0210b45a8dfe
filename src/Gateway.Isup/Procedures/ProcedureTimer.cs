using Gateway.Fsm;

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
    private readonly RearmableTimer _timer;

    public ProcedureTimer(CircuitGroup group, IProcedureTimerTarget target)
    {
        _group = group;
        _timer = new RearmableTimer(group.Time, Elapsed, this);
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

        Armed = timer;
        _timer.Start(duration);
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
        Armed = null;
        _timer.Stop();
    }

    /// <summary>Stops the slot and releases its timer (the owner is done with it).</summary>
    public void Dispose()
    {
        Armed = null;
        _timer.Dispose();
    }

    /// <summary>
    /// Under the group's lock, on an expiry: the timer that expired, or null when the callback is stale or early (see
    /// <see cref="RearmableTimer.TakeExpiry"/>).
    /// </summary>
    public IsupTimer? TakeExpiry()
    {
        IsupTimer? timer = Armed;
        if (timer is null || !_timer.TakeExpiry())
        {
            return null;
        }

        Armed = null;
        return timer;
    }

    private void OnElapsed() => _group.OnTimerElapsed(this);
}
