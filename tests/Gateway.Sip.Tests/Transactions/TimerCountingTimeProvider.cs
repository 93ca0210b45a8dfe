using Gateway.Testing;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>
/// Virtual time (a <see cref="ManualTimeProvider"/>) that also counts timers created and not yet disposed, so a test
/// can tell "disarmed" (<see cref="ActiveTimers"/>) from "released" (<see cref="LiveTimers"/>).
/// </summary>
internal sealed class TimerCountingTimeProvider : TimeProvider
{
    private readonly ManualTimeProvider _inner = new();
    private readonly DateTimeOffset _start;
    private int _liveTimers;
    private int _createdTimers;

    public TimerCountingTimeProvider() => _start = _inner.GetUtcNow();

    /// <summary>Timers created and not disposed.</summary>
    public int LiveTimers => Volatile.Read(ref _liveTimers);

    /// <summary>Timers ever created: a transaction re-arms its timers rather than creating new ones.</summary>
    public int CreatedTimers => Volatile.Read(ref _createdTimers);

    /// <summary>Timers armed now.</summary>
    public int ActiveTimers => _inner.ActiveTimers;

    /// <summary>Virtual time since the provider was created.</summary>
    public TimeSpan Elapsed => _inner.GetUtcNow() - _start;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public void Advance(TimeSpan by) => _inner.Advance(by);

    public void AdvanceMilliseconds(double milliseconds) => _inner.Advance(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Advances to <paramref name="milliseconds"/> since the start (never backwards).</summary>
    public void AdvanceTo(double milliseconds)
    {
        var target = TimeSpan.FromMilliseconds(milliseconds);
        if (target < Elapsed)
        {
            throw new InvalidOperationException($"already at {Elapsed.TotalMilliseconds} ms");
        }

        _inner.Advance(target - Elapsed);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _liveTimers);
        Interlocked.Increment(ref _createdTimers);
        return new CountedTimer(this, _inner.CreateTimer(callback, state, dueTime, period));
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner, ITimer inner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._liveTimers);
            }

            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
