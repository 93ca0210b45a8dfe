namespace Gateway.Sip;

/// <summary>
/// Says yes once per key per interval: "log each defect once per source per minute", so a peer repeating the same
/// malformed message cannot flood the log, while a new defect or a new peer is still reported at once. Bounded: when
/// the table is full, keys whose interval has passed are forgotten, and failing that nothing more is reported until
/// they are. Thread-safe.
/// </summary>
public sealed class OncePerInterval<TKey>(TimeSpan interval, int maxKeys, TimeProvider time) where TKey : notnull
{
    private readonly Dictionary<TKey, long> _lastReported = [];
    private readonly Lock _gate = new();
    private long _suppressed;

    /// <summary>How many reports were held back since the last time one was allowed for the same key.</summary>
    public long Suppressed => Interlocked.Read(ref _suppressed);

    public bool ShouldReport(TKey key)
    {
        long now = time.GetTimestamp();
        lock (_gate)
        {
            if (_lastReported.TryGetValue(key, out long last) && time.GetElapsedTime(last, now) < interval)
            {
                _suppressed++;
                return false;
            }
            if (_lastReported.Count >= maxKeys && !_lastReported.ContainsKey(key))
            {
                foreach (var (k, at) in _lastReported)
                {
                    if (time.GetElapsedTime(at, now) >= interval) _lastReported.Remove(k);
                }
                if (_lastReported.Count >= maxKeys)
                {
                    _suppressed++;
                    return false;
                }
            }
            _lastReported[key] = now;
            return true;
        }
    }
}
