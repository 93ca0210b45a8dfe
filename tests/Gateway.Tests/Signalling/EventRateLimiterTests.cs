using Gateway.Logging;
using Gateway.Testing;

namespace Gateway.Tests.Signalling;

public sealed class EventRateLimiterTests
{
    [Fact]
    public void Lets_a_burst_through_per_kind_and_window_then_reports_how_many_it_held_back()
    {
        var time = new ManualTimeProvider();
        var limiter = new EventRateLimiter(time, TimeSpan.FromMinutes(1), burst: 2);

        Assert.True(limiter.TryAcquire(1, out long first));
        Assert.True(limiter.TryAcquire(1, out _));
        Assert.Equal(0, first);
        for (int i = 0; i < 1000; i++) Assert.False(limiter.TryAcquire(1, out _));
        Assert.True(limiter.TryAcquire(2, out long other)); // kinds are counted apart
        Assert.Equal(0, other);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAcquire(1, out long suppressed));
        Assert.Equal(1000, suppressed);
        Assert.True(limiter.TryAcquire(1, out long none));
        Assert.Equal(0, none);
    }
}
