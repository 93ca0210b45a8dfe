namespace Gateway.Fsm;

/// <summary>
/// A <see cref="TimeProvider"/> whose timers live on one hashed timing wheel, driven by a single timer of the inner
/// provider that ticks only while some timer is armed. Every SIP transaction and ISUP procedure has timers that are
/// nearly always stopped before they fire, or fire 32 s later to end a transaction; with one system timer each, tens of
/// thousands were armed at once under load, and the runtime's timer queue walks its list on each expiry. Here arming,
/// re-arming and stopping are O(1) under one short lock, and an expiry costs a walk of one slot.
/// </summary>
/// <remarks>
/// A timer fires no earlier than asked and at most one <see cref="Resolution"/> (plus scheduling delay) later. Callbacks
/// run on the inner timer's thread, one batch after another, never under the wheel's lock. Timestamps and the clock are
/// the inner provider's.
/// </remarks>
public sealed class TimerWheel : TimeProvider
{
    private const int SlotCount = 4096;

    private readonly TimeProvider _inner;
    private readonly long _start;
    private readonly long _resolutionTicks;
    private readonly WheelTimer?[] _slots = new WheelTimer?[SlotCount];
    private readonly Lock _gate = new();
    private ITimer? _tick;
    private long _processed;
    private long _wakeAt = long.MaxValue;
    private int _armed;

    /// <param name="inner">The clock and the one timer that drives the wheel.</param>
    /// <param name="resolution">The tick: how late a timer may fire; 10 ms when not given.</param>
    public TimerWheel(TimeProvider inner, TimeSpan? resolution = null)
    {
        _inner = inner;
        Resolution = resolution ?? TimeSpan.FromMilliseconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Resolution, TimeSpan.Zero);
        _resolutionTicks = Resolution.Ticks;
        _start = inner.GetTimestamp();
    }

    public TimeSpan Resolution { get; }

    /// <summary>Timers armed now (for tests and status).</summary>
    public int Armed => Volatile.Read(ref _armed);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new WheelTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The wheel tick reached now, by the inner clock.</summary>
    private long CurrentTick() => _inner.GetElapsedTime(_start).Ticks / _resolutionTicks;

    private bool Schedule(WheelTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            Unlink(timer);
            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            long elapsed = _inner.GetElapsedTime(_start).Ticks;
            if (_armed == 0)
            {
                // Nothing was armed, so no tick ran: the ticks that passed meanwhile had nothing to fire.
                _processed = Math.Max(_processed, elapsed / _resolutionTicks);
            }

            // Rounded up from the real elapsed time, so that a timer never fires early.
            long target = Math.Max((elapsed + dueTime.Ticks + _resolutionTicks - 1) / _resolutionTicks, _processed + 1);
            timer.Target = target;
            Link(timer, (int)(target % SlotCount));
            _armed++;
            if (target < _wakeAt)
            {
                WakeAt(target, elapsed);
            }

            return true;
        }
    }

    private void Cancel(WheelTimer timer, bool dispose)
    {
        lock (_gate)
        {
            Unlink(timer);
            if (dispose)
            {
                timer.Disposed = true;
            }
        }
    }

    private void OnTick()
    {
        // Two ticks may run at once (one woken early for a new timer while another runs callbacks): each takes the
        // timers it unlinked under the lock, so none fires twice.
        List<WheelTimer>? due = null;
        lock (_gate)
        {
            // After a long sleep one turn of the wheel covers every slot: a timer is due when its tick has come.
            long now = CurrentTick();
            for (long tick = Math.Max(_processed + 1, now - SlotCount + 1); tick <= now && _armed > 0; tick++)
            {
                for (WheelTimer? timer = _slots[tick % SlotCount]; timer is not null;)
                {
                    WheelTimer? next = timer.Next;
                    if (timer.Target <= now)
                    {
                        Unlink(timer);
                        (due ??= []).Add(timer);
                    }

                    timer = next;
                }
            }

            _processed = Math.Max(_processed, now);
            _wakeAt = long.MaxValue;
            if (_armed > 0)
            {
                WakeAt(NextOccupiedTick(), _inner.GetElapsedTime(_start).Ticks);
            }
            else
            {
                _tick?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        if (due is null)
        {
            return;
        }

        Exception? failure = null;
        foreach (WheelTimer timer in due)
        {
            // A periodic timer is re-armed before its callback, as the runtime's timers are.
            TimeSpan period = timer.Period;
            if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
            {
                Schedule(timer, period, period);
            }

            try
            {
                timer.Callback(timer.State);
            }
            catch (Exception e)
            {
                failure ??= e;
            }
        }

        if (failure is not null)
        {
            // As an exception from a runtime timer's callback would: nobody is there to handle it.
            global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Sets the one inner timer for the start of <paramref name="tick"/> (under the lock). It runs only for ticks that
    /// hold a timer, not every tick: calls held for an hour have a timer or two armed, and a wheel woken a hundred times
    /// a second for them cost a few percent of a core.
    /// </summary>
    private void WakeAt(long tick, long elapsedTicks)
    {
        _wakeAt = tick;
        var due = TimeSpan.FromTicks(Math.Max((tick * _resolutionTicks) - elapsedTicks, 0));
        _tick ??= _inner.CreateTimer(static s => ((TimerWheel)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _tick.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The first tick after the processed one whose slot holds a timer; a turn on when all wait for later turns.</summary>
    private long NextOccupiedTick()
    {
        for (long tick = _processed + 1; tick <= _processed + SlotCount; tick++)
        {
            if (_slots[tick % SlotCount] is not null)
            {
                return tick;
            }
        }

        return _processed + SlotCount;
    }

    private void Link(WheelTimer timer, int slot)
    {
        WheelTimer? head = _slots[slot];
        timer.Slot = slot;
        timer.Previous = null;
        timer.Next = head;
        if (head is not null)
        {
            head.Previous = timer;
        }

        _slots[slot] = timer;
    }

    private void Unlink(WheelTimer timer)
    {
        if (timer.Slot < 0)
        {
            return;
        }

        if (timer.Previous is null)
        {
            _slots[timer.Slot] = timer.Next;
        }
        else
        {
            timer.Previous.Next = timer.Next;
        }

        if (timer.Next is not null)
        {
            timer.Next.Previous = timer.Previous;
        }

        timer.Previous = null;
        timer.Next = null;
        timer.Slot = -1;
        _armed--;
    }

    /// <summary>One timer on the wheel: its links and due tick are the wheel's, kept under its lock.</summary>
    private sealed class WheelTimer(TimerWheel wheel, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public WheelTimer? Previous { get; set; }

        public WheelTimer? Next { get; set; }

        public int Slot { get; set; } = -1;

        public long Target { get; set; }

        public TimeSpan Period { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => wheel.Schedule(this, dueTime, period);

        public void Dispose() => wheel.Cancel(this, dispose: true);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
