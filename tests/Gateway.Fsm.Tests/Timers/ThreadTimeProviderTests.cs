using System.Diagnostics;
using Gateway.Fsm;

namespace Gateway.Fsm.Tests.Timers;

/// <summary>The wheel's driver in the daemon: real time, so these waits are short and bounded.</summary>
public sealed class ThreadTimeProviderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static TimerCallback Signal(TaskCompletionSource<string?> fired) => _ => fired.TrySetResult(Thread.CurrentThread.Name);

    [Fact]
    public async Task A_timer_fires_once_on_its_own_thread_and_not_before_it_is_due()
    {
        var fired = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        int count = 0;
        var started = Stopwatch.StartNew();
        using ITimer timer = new ThreadTimeProvider().CreateTimer(
            _ => { Interlocked.Increment(ref count); fired.TrySetResult(Thread.CurrentThread.Name); }, null,
            TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);

        Assert.Equal("timer", await fired.Task.WaitAsync(Patience));
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(50), $"fired after {started.Elapsed}");
        // A one-shot timer that fired is disarmed: changing it again is what re-arms it.
        Assert.True(timer.Change(TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
        await WaitUntil(() => Volatile.Read(ref count) == 2);
    }

    [Fact]
    public async Task A_change_to_an_earlier_time_wakes_a_timer_that_was_waiting_for_ever()
    {
        var fired = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using ITimer timer = new ThreadTimeProvider().CreateTimer(Signal(fired), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await Task.Yield();
        Assert.False(fired.Task.IsCompleted);

        Assert.True(timer.Change(TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan));
        await fired.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_periodic_timer_fires_until_stopped_and_a_disposed_one_cannot_be_changed()
    {
        int count = 0;
        ITimer timer = new ThreadTimeProvider().CreateTimer(_ => Interlocked.Increment(ref count), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(2));
        await WaitUntil(() => Volatile.Read(ref count) >= 3);

        timer.Dispose();
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task A_callback_may_re_arm_its_own_timer()
    {
        // What the wheel does on every tick: the next due time is set from inside the callback.
        int count = 0;
        ITimer? timer = null;
        timer = new ThreadTimeProvider().CreateTimer(_ =>
        {
            if (Interlocked.Increment(ref count) < 5) timer!.Change(TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await WaitUntil(() => Volatile.Read(ref count) == 5);
        timer.Dispose();
    }

    [Fact]
    public async Task A_wheel_on_it_fires_its_timers_in_real_time()
    {
        var wheel = new TimerWheel(new ThreadTimeProvider());
        var fired = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using ITimer timer = wheel.CreateTimer(Signal(fired), null, TimeSpan.FromMilliseconds(30), Timeout.InfiniteTimeSpan);

        Assert.Equal("timer", await fired.Task.WaitAsync(Patience));
        Assert.Equal(0, wheel.Armed);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Patience, "the condition did not come true in time");
            await Task.Delay(5);
        }
    }
}
