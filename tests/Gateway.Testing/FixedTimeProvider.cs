namespace Gateway.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose wall clock stands still at a given instant (settable) and whose
/// local time zone is chosen by the test. By default timestamps (<see cref="TimeProvider.GetTimestamp"/>)
/// stay the real monotonic clock, so time-outs and back-offs still work; with
/// <c>manualTimestamps: true</c> they only move with <see cref="Advance"/>, for deterministic back-off tests.
/// </summary>
public sealed class FixedTimeProvider : TimeProvider
{
    private readonly TimeZoneInfo _zone;
    private readonly bool _manual;
    private long _ticks;

    public FixedTimeProvider(DateTimeOffset now, TimeZoneInfo? localZone = null, bool manualTimestamps = false)
    {
        Now = now;
        _zone = localZone ?? TimeZoneInfo.Utc;
        _manual = manualTimestamps;
    }

    public DateTimeOffset Now { get; set; }

    public override TimeZoneInfo LocalTimeZone => _zone;

    public override long TimestampFrequency => _manual ? TimeSpan.TicksPerSecond : base.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override long GetTimestamp() => _manual ? Interlocked.Read(ref _ticks) : base.GetTimestamp();

    /// <summary>Moves the wall clock and, with manual timestamps, the monotonic clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        Now += by;
        if (_manual)
        {
            Interlocked.Add(ref _ticks, by.Ticks);
        }
    }
}
