namespace Gateway.Metrics;

/// <summary>
/// Calls started per second over the last <see cref="Seconds"/> whole seconds, kept as one bucket per second and summed
/// when a scraper asks. No timer: a bucket is recycled by the first call that lands in it a window later, and a bucket
/// older than the window is simply not counted. The second in progress is left out because it is not over yet; counting
/// it would make the rate dip at the start of every second.
/// </summary>
internal sealed class CallRateWindow(TimeProvider time)
{
    public const int Seconds = 10;

    // One bucket more than the window: the second in progress fills while the ten before it are read.
    private readonly long[] _bucketSecond = new long[Seconds + 1];
    private readonly long[] _bucketCount = new long[Seconds + 1];
    private readonly Lock _gate = new();

    public void Count()
    {
        long now = CurrentSecond();
        int slot = Slot(now);
        // A lock rather than Interlocked: recycling a bucket means setting its second and resetting its count together.
        // Call starts come at most a few hundred a second, far from contending.
        lock (_gate)
        {
            if (_bucketSecond[slot] != now)
            {
                _bucketSecond[slot] = now;
                _bucketCount[slot] = 0;
            }
            _bucketCount[slot]++;
        }
    }

    public double PerSecond()
    {
        long now = CurrentSecond();
        long total = 0;
        lock (_gate)
        {
            for (int i = 0; i < _bucketSecond.Length; i++)
            {
                long age = now - _bucketSecond[i];
                if (age is >= 1 and <= Seconds) total += _bucketCount[i];
            }
        }
        return total / (double)Seconds;
    }

    private long CurrentSecond() => time.GetTimestamp() / time.TimestampFrequency;

    private int Slot(long second) => (int)((ulong)second % (ulong)_bucketSecond.Length);
}
