namespace Gateway.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose wall clock stands still at a given instant (settable) and whose
/// local time zone is chosen by the test. Timestamps (<see cref="TimeProvider.GetTimestamp"/>) stay the
/// real monotonic clock, so time-outs and back-offs still work.
/// </summary>
public sealed class FixedTimeProvider : TimeProvider
{
    private readonly TimeZoneInfo _zone;

    public FixedTimeProvider(DateTimeOffset now, TimeZoneInfo? localZone = null)
    {
        Now = now;
        _zone = localZone ?? TimeZoneInfo.Utc;
    }

    public DateTimeOffset Now { get; set; }

    public override TimeZoneInfo LocalTimeZone => _zone;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
