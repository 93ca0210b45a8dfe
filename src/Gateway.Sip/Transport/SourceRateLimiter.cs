using System.Net;

namespace Gateway.Sip;

/// <summary>
/// A token bucket per source address in front of the parser, so one flooding peer cannot starve the others of CPU.
/// The table is bounded: past <c>maxSources</c> it first forgets sources idle for a minute, and if a flood of distinct
/// (likely spoofed) sources still fills it, new sources pass unmetered rather than being refused, because refusing
/// would cut off legitimate peers exactly when the table is under attack. Thread-safe.
/// </summary>
public sealed class SourceRateLimiter(double messagesPerSecond, int burst, int maxSources, TimeProvider time)
{
    private static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(1);

    private sealed class Bucket
    {
        public double Tokens;
        public long Updated;
    }

    private readonly Dictionary<IPAddress, Bucket> _buckets = [];
    private readonly Lock _gate = new();
    private long _refused;
    private long _unmetered;

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Messages let through without a bucket because the table was full.</summary>
    public long Unmetered => Interlocked.Read(ref _unmetered);

    /// <summary>True when a message from <paramref name="source"/> may be processed now.</summary>
    public bool TryAcquire(IPAddress source)
    {
        long now = time.GetTimestamp();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(source, out var bucket))
            {
                if (_buckets.Count >= maxSources && !ForgetIdle(now))
                {
                    Interlocked.Increment(ref _unmetered);
                    return true;
                }
                bucket = new Bucket { Tokens = burst, Updated = now };
                _buckets[source] = bucket;
            }
            double elapsed = time.GetElapsedTime(bucket.Updated, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * messagesPerSecond));
            bucket.Updated = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return true;
            }
        }
        Interlocked.Increment(ref _refused);
        return false;
    }

    private bool ForgetIdle(long now)
    {
        int before = _buckets.Count;
        foreach (var (address, bucket) in _buckets)
        {
            if (time.GetElapsedTime(bucket.Updated, now) > IdleAfter) _buckets.Remove(address);
        }
        return _buckets.Count < before;
    }
}
