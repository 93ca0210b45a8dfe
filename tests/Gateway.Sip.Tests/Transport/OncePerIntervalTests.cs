using Gateway.Testing;

namespace Gateway.Sip.Tests.Transport;

public sealed class OncePerIntervalTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Reports_each_key_once_per_interval()
    {
        var once = new OncePerInterval<(string, string)>(TimeSpan.FromMinutes(1), 100, _time);
        Assert.True(once.ShouldReport(("192.0.2.1", "BadContentLength")));
        Assert.False(once.ShouldReport(("192.0.2.1", "BadContentLength")));
        Assert.True(once.ShouldReport(("192.0.2.1", "BadVia")));
        Assert.True(once.ShouldReport(("192.0.2.2", "BadContentLength")));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(once.ShouldReport(("192.0.2.1", "BadContentLength")));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(once.ShouldReport(("192.0.2.1", "BadContentLength")));
        Assert.Equal(2, once.Suppressed);
    }

    [Fact]
    public void A_full_table_makes_room_from_expired_keys_only()
    {
        var once = new OncePerInterval<int>(TimeSpan.FromMinutes(1), maxKeys: 2, _time);
        Assert.True(once.ShouldReport(1));
        Assert.True(once.ShouldReport(2));
        Assert.False(once.ShouldReport(3));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(once.ShouldReport(3));
    }
}
