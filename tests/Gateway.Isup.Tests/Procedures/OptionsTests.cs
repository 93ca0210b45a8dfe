using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>The options records the daemon maps its configuration to.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void The_timer_defaults_are_the_low_ends_of_the_Q764_ranges()
    {
        IsupTimerSettings timers = IsupTimerSettings.Default;

        Assert.Equal(TimeSpan.FromSeconds(15), timers.T1);
        Assert.Equal(TimeSpan.FromMinutes(5), timers.T5);
        Assert.Equal(TimeSpan.FromSeconds(20), timers.T7);
        Assert.Equal(TimeSpan.FromSeconds(90), timers.T9);
        Assert.Equal(TimeSpan.FromSeconds(15), timers.T16);
        Assert.Equal(TimeSpan.FromMinutes(5), timers.T17);
        Assert.Equal(TimeSpan.FromSeconds(15), timers.T22);
        Assert.Equal(TimeSpan.FromMinutes(5), timers.T23);
        Assert.Equal(TimeSpan.FromSeconds(12), timers.T33);
        Assert.Empty(timers.Validate());
    }

    [Fact]
    public void Timers_must_be_positive_T9_and_T11_may_be_off_and_a_repeat_timer_must_be_shorter_than_its_alarm_timer()
    {
        IsupTimerSettings timers = IsupTimerSettings.Default with
        {
            T1 = TimeSpan.Zero,
            T9 = TimeSpan.Zero,
            T11 = TimeSpan.Zero,
            T16 = TimeSpan.FromMinutes(10),
        };

        IReadOnlyList<string> errors = timers.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("T1 must be positive", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("T16", StringComparison.Ordinal) && e.Contains("T17", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var options = new IsupExchangeOptions(100,
        [
            new CircuitGroupOptions(100, [new CircuitCodeRange(1, 4)]),
            new CircuitGroupOptions(200, [new CircuitCodeRange(1, 4), new CircuitCodeRange(4, 5)]),
            new CircuitGroupOptions(200, [new CircuitCodeRange(1, 4096)]),
        ])
        { MaxRepeatAttempts = -1 };

        IReadOnlyList<string> errors = options.Validate();

        Assert.Equal(5, errors.Count);
        var exception = Assert.Throws<ArgumentException>(() =>
            new IsupExchange(options, new RecordingSignalSink(), new RecordingCallEvents(), new RecordingMaintenance()));
        Assert.Contains("our own point code", exception.Message, StringComparison.Ordinal);
    }
}
