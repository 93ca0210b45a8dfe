using Gateway.Testing;

namespace Gateway.Fsm.Tests;

/// <summary>The timer slot the ISUP procedures and the M3UA management share: one ITimer, re-armed; stale and early expiries dropped.</summary>
public sealed class RearmableTimerTests
{
    private sealed class Owner
    {
        public readonly List<TimeSpan> Expired = [];
        public RearmableTimer Timer = null!;
        public ManualTimeProvider Time = null!;

        public void OnElapsed()
        {
            if (Timer.TakeExpiry())
            {
                Expired.Add(Time.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            }
        }
    }

    private static Owner Create()
    {
        var owner = new Owner { Time = new ManualTimeProvider() };
        owner.Timer = new RearmableTimer(owner.Time, static state => ((Owner)state!).OnElapsed(), owner);
        return owner;
    }

    [Fact]
    public void It_expires_once_at_its_due_time_and_a_restart_moves_it()
    {
        Owner owner = Create();
        owner.Timer.Start(TimeSpan.FromSeconds(10));
        owner.Time.Advance(TimeSpan.FromSeconds(4));
        owner.Timer.Start(TimeSpan.FromSeconds(10));
        owner.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([TimeSpan.FromSeconds(14)], owner.Expired);
        Assert.False(owner.Timer.IsArmed);
        Assert.Equal(0, owner.Time.ActiveTimers); // kept for the next start, but disarmed
    }

    [Fact]
    public void A_stopped_timer_does_not_expire_and_a_stale_callback_is_dropped()
    {
        Owner owner = Create();
        owner.Timer.Start(TimeSpan.FromSeconds(5));
        owner.Timer.Stop();
        owner.OnElapsed(); // a callback already on its way when the owner stopped the timer
        owner.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(owner.Expired);

        owner.Timer.Start(TimeSpan.FromSeconds(5));
        owner.OnElapsed(); // an early callback: not due yet, re-armed for the rest
        Assert.Empty(owner.Expired);
        owner.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(owner.Expired);

        owner.Timer.Dispose();
        Assert.Equal(0, owner.Time.ActiveTimers);
    }
}
