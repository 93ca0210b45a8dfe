using System.Net;
using Gateway.Testing;

namespace Gateway.Sip.Tests.Transport;

public sealed class SourceRateLimiterTests
{
    private readonly ManualTimeProvider _time = new();
    private static readonly IPAddress A = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress B = IPAddress.Parse("192.0.2.2");

    [Fact]
    public void Allows_a_burst_then_the_steady_rate_per_source()
    {
        var limiter = new SourceRateLimiter(messagesPerSecond: 10, burst: 5, maxSources: 100, _time);
        for (int i = 0; i < 5; i++) Assert.True(limiter.TryAcquire(A));
        Assert.False(limiter.TryAcquire(A));
        Assert.True(limiter.TryAcquire(B)); // another source has its own bucket

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(limiter.TryAcquire(A));
        Assert.False(limiter.TryAcquire(A));

        _time.Advance(TimeSpan.FromMinutes(5)); // refills to the burst, not beyond
        for (int i = 0; i < 5; i++) Assert.True(limiter.TryAcquire(A));
        Assert.False(limiter.TryAcquire(A));
        Assert.Equal(3, limiter.Refused);
    }

    [Fact]
    public void A_full_table_forgets_idle_sources_and_otherwise_lets_new_ones_pass_unmetered()
    {
        var limiter = new SourceRateLimiter(1, 1, maxSources: 2, _time);
        Assert.True(limiter.TryAcquire(A));
        Assert.True(limiter.TryAcquire(B));
        var c = IPAddress.Parse("192.0.2.3");
        Assert.True(limiter.TryAcquire(c));
        Assert.True(limiter.TryAcquire(c));
        Assert.Equal(2, limiter.Unmetered);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(limiter.TryAcquire(c)); // A and B were idle: c gets a bucket now
        Assert.False(limiter.TryAcquire(c));
    }
}
