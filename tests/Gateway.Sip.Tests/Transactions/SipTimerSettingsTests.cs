namespace Gateway.Sip.Tests.Transactions;

public sealed class SipTimerSettingsTests
{
    private static readonly TimeSpan Ms500 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void Defaults_are_those_of_RFC_3261()
    {
        var timers = SipTimerSettings.Default;

        Assert.Equal(Ms500, timers.T1);
        Assert.Equal(TimeSpan.FromSeconds(4), timers.T2);
        Assert.Equal(TimeSpan.FromSeconds(5), timers.T4);
        Assert.Equal(TimeSpan.FromMilliseconds(200), timers.TryingDelay);
    }

    [Theory]
    [InlineData(TransactionTimer.A, 500, null)]
    [InlineData(TransactionTimer.B, 32_000, 32_000)]
    [InlineData(TransactionTimer.D, 32_000, 0)]
    [InlineData(TransactionTimer.E, 500, null)]
    [InlineData(TransactionTimer.F, 32_000, 32_000)]
    [InlineData(TransactionTimer.G, 500, null)]
    [InlineData(TransactionTimer.H, 32_000, 32_000)]
    [InlineData(TransactionTimer.I, 5_000, 0)]
    [InlineData(TransactionTimer.J, 32_000, 0)]
    [InlineData(TransactionTimer.K, 5_000, 0)]
    [InlineData(TransactionTimer.L, 32_000, 32_000)]
    [InlineData(TransactionTimer.M, 32_000, 32_000)]
    [InlineData(TransactionTimer.Trying, 200, 200)]
    public void Every_timer_has_its_RFC_value_per_transport(TransactionTimer timer, int udpMilliseconds, int? tcpMilliseconds)
    {
        var timers = SipTimerSettings.Default;

        Assert.Equal(TimeSpan.FromMilliseconds(udpMilliseconds), timers.Duration(timer, reliableTransport: false));
        Assert.Equal(tcpMilliseconds is int tcp ? TimeSpan.FromMilliseconds(tcp) : null, timers.Duration(timer, reliableTransport: true));
    }

    [Fact]
    public void Derived_timers_follow_custom_base_values()
    {
        var timers = new SipTimerSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));

        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerB);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerD);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerF);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerH);
        Assert.Equal(TimeSpan.FromSeconds(10), timers.TimerI);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerJ);
        Assert.Equal(TimeSpan.FromSeconds(10), timers.TimerK);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerL);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerM);
        Assert.Equal(TimeSpan.FromMilliseconds(50), timers.Duration(TransactionTimer.Trying, reliableTransport: false));
    }

    [Fact]
    public void Timer_D_never_drops_below_32_seconds_on_UDP()
    {
        var timers = new SipTimerSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(6_400), timers.TimerB);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerD);
    }

    [Fact]
    public void Out_of_range_values_are_rejected()
    {
        var s4 = TimeSpan.FromSeconds(4);
        var s5 = TimeSpan.FromSeconds(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimerSettings(TimeSpan.Zero, s4, s5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimerSettings(s5, s4, s5)); // T2 below T1
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimerSettings(Ms500, s4, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimerSettings(TimeSpan.FromHours(2), TimeSpan.FromHours(2), s5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimerSettings(Ms500, s4, s5, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimerSettings(Ms500, s4, s5, TimeSpan.FromMilliseconds(201)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SipTimerSettings.Default.Duration((TransactionTimer)99, false));
    }
}
