namespace Gateway.Logging;

/// <summary>
/// Lets through at most <c>burst</c> lines per kind of event in each window and counts the rest, so that a peer
/// sending the same bad message a thousand times a second costs a thousand counter increments, not a thousand lines.
/// The first line after a quiet spell says how many were held back.
/// </summary>
public sealed class EventRateLimiter
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly int _burst;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Slot> _slots = [];

    public EventRateLimiter(TimeProvider time, TimeSpan window, int burst)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _time = time;
        _window = window;
        _burst = burst;
    }

    /// <summary>
    /// Whether a line for <paramref name="kind"/> may be written now; when it may, <paramref name="suppressed"/> is how
    /// many of that kind were held back since the last one written.
    /// </summary>
    public bool TryAcquire(int kind, out long suppressed)
    {
        long now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_slots.TryGetValue(kind, out Slot slot) || _time.GetElapsedTime(slot.WindowStart, now) >= _window)
            {
                slot = new Slot(now, 0, slot.Suppressed);
            }

            if (slot.Written < _burst)
            {
                suppressed = slot.Suppressed;
                _slots[kind] = new Slot(slot.WindowStart, slot.Written + 1, 0);
                return true;
            }

            _slots[kind] = slot with { Suppressed = slot.Suppressed + 1 };
            suppressed = 0;
            return false;
        }
    }

    private readonly record struct Slot(long WindowStart, int Written, long Suppressed);
}
