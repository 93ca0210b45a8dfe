using Gateway.Fsm;
using Gateway.Testing;

namespace Gateway.Fsm.Tests.Timers;

public sealed class TimerWheelTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private static (ManualTimeProvider Clock, TimerWheel Wheel, List<(string Name, TimeSpan At)> Fired, Func<string, TimerCallback> Record) New()
    {
        var clock = new ManualTimeProvider();
        var wheel = new TimerWheel(clock, Tick);
        long start = clock.GetTimestamp();
        var fired = new List<(string, TimeSpan)>();
        return (clock, wheel, fired, name => _ => fired.Add((name, clock.GetElapsedTime(start))));
    }

    [Fact]
    public void A_timer_fires_once_no_earlier_than_asked_and_within_one_tick()
    {
        var (clock, wheel, fired, record) = New();
        clock.Advance(TimeSpan.FromMilliseconds(3));   // between ticks: rounding must not make it early
        using ITimer timer = wheel.CreateTimer(record("a"), null, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(5));
        var (name, at) = Assert.Single(fired);
        Assert.Equal("a", name);
        Assert.InRange(at, TimeSpan.FromMilliseconds(503), TimeSpan.FromMilliseconds(503) + Tick);
        Assert.Equal(0, wheel.Armed);
    }

    [Fact]
    public void Timers_due_beyond_one_turn_of_the_wheel_wait_for_their_round()
    {
        var (clock, wheel, fired, record) = New();
        // 4,096 slots of 10 ms: 41 s per turn. 64 s (a SIP Timer B) lands in a slot passed once before it is due.
        using ITimer timer = wheel.CreateTimer(record("b"), null, TimeSpan.FromSeconds(64), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(63.99));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.InRange(Assert.Single(fired).At, TimeSpan.FromSeconds(64), TimeSpan.FromSeconds(64) + Tick);
    }

    [Fact]
    public void Stopped_re_armed_and_disposed_timers_fire_only_as_last_set()
    {
        var (clock, wheel, fired, record) = New();
        ITimer stopped = wheel.CreateTimer(record("stopped"), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        ITimer moved = wheel.CreateTimer(record("moved"), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        ITimer disposed = wheel.CreateTimer(record("disposed"), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        Assert.Equal(3, wheel.Armed);

        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        moved.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        Assert.False(disposed.Change(TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));

        clock.Advance(TimeSpan.FromSeconds(1));
        var (name, at) = Assert.Single(fired);
        Assert.Equal("moved", name);
        Assert.InRange(at, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(310));
        Assert.True(stopped.Change(TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["moved", "stopped"], fired.Select(f => f.Name));
    }

    [Fact]
    public void A_periodic_timer_fires_each_period_until_stopped()
    {
        var (clock, wheel, fired, record) = New();
        ITimer timer = wheel.CreateTimer(record("p"), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250));
        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(4, fired.Count);   // 100, 350, 600, 850 ms (each within a tick)
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(4, fired.Count);
    }

    [Fact]
    public void The_wheel_ticks_only_while_a_timer_is_armed()
    {
        var (clock, wheel, _, record) = New();
        Assert.Equal(0, clock.ActiveTimers);
        ITimer timer = wheel.CreateTimer(record("x"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.Equal(1, clock.ActiveTimers);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, clock.ActiveTimers);   // fired: nothing armed, so no tick (an idle gateway uses no CPU)

        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public void Between_far_apart_timers_the_wheel_wakes_only_for_ticks_that_hold_one()
    {
        var (clock, wheel, fired, record) = New();
        int wakes = 0;
        clock.TimerArmed += _ => wakes++;
        using ITimer held = wheel.CreateTimer(record("held"), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        using ITimer soon = wheel.CreateTimer(record("soon"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(["soon"], fired.Select(f => f.Name));
        // Not 60,000 ticks of 10 ms: the wake for 'soon', then one per turn of the wheel (41 s) for 'held'.
        Assert.InRange(wakes, 2, 2 + (10 * 60 / 40));

        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(["soon", "held"], fired.Select(f => f.Name));
        Assert.InRange(fired[1].At, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + Tick);
    }

    [Fact]
    public void Many_timers_at_random_times_each_fire_once_in_their_tick()
    {
        var (clock, wheel, fired, record) = New();
        var random = new Random(8);
        var due = new Dictionary<string, TimeSpan>();
        var timers = new List<ITimer>();
        for (int i = 0; i < 5_000; i++)
        {
            var at = TimeSpan.FromMilliseconds(random.Next(0, 100_000));
            due[$"t{i}"] = at;
            timers.Add(wheel.CreateTimer(record($"t{i}"), null, at, Timeout.InfiniteTimeSpan));
        }

        clock.Advance(TimeSpan.FromSeconds(101));
        Assert.Equal(5_000, fired.Count);
        Assert.All(fired, f => Assert.InRange(f.At, due[f.Name], due[f.Name] + Tick));
        Assert.Equal(0, wheel.Armed);
    }
}
