using Gateway.Configuration;
using Gateway.Isup;

namespace Gateway.Tests.Configuration;

/// <summary>The keys of <c>isup</c> that set the Q.764 procedures: timers, unequipped-CIC policy, repeat attempts, cause location.</summary>
public sealed class IsupProcedureConfigurationTests
{
    private static GatewayConfiguration Read(string json) => GatewayConfigurationReader.Read(json, "test.json");

    private static IReadOnlyList<ConfigurationError> Errors(string json) =>
        Assert.Throws<ConfigurationException>(() => Read(json)).Errors;

    /// <summary>A file whose <c>isup</c> section has <c>opc</c> and then <paramref name="members"/>.</summary>
    private static string WithIsup(string members) => $$"""{ "isup": { "opc": 1, {{members}} } }""";

    private static IsupTimerSettings Timers(string timers) => Read(WithIsup($$""" "timers": { {{timers}} } """)).Isup.Timers;

    [Fact]
    public void Absent_keys_mean_what_the_procedures_choose_by_themselves()
    {
        var isup = Read("""{ "isup": { "opc": 1 } }""").Isup;
        var library = new IsupExchangeOptions(1, []);
        Assert.Equal(library.Timers, isup.Timers);
        Assert.Equal(library.UnequippedCic, isup.UnequippedCicPolicy);
        Assert.Equal(library.MaxRepeatAttempts, isup.MaxRepeatAttempts);
        Assert.Equal(library.CauseLocation, isup.CauseLocation);
        Assert.Equal(IsupTimerSettings.Default, Timers(""));
    }

    [Fact]
    public void Every_timer_the_procedures_run_has_one_limit_in_enum_order()
    {
        Assert.Equal(Enum.GetValues<IsupTimer>(), IsupTimerLimit.All.Select(l => l.Timer));
        Assert.Equal(IsupTimerLimit.All.Count, IsupTimerLimit.All.Select(l => l.Key).Distinct().Count());
        Assert.Equal("t33Seconds", IsupTimerLimit.Of(IsupTimer.T33).Key);
    }

    [Fact]
    public void Every_default_lies_within_its_limit()
    {
        foreach (var limit in IsupTimerLimit.All)
        {
            var seconds = IsupTimerSettings.Default.Duration(limit.Timer).TotalSeconds;
            Assert.True(seconds == Math.Floor(seconds) && limit.Allows((long)seconds), $"{limit.Timer} default {seconds} s is outside {limit.Basis}");
        }
    }

    [Fact]
    public void No_values_within_the_limits_are_rejected_by_the_procedures()
    {
        // The procedures also want each repeat timer shorter than its long timer (T12 < T13, ...); the limits must
        // make that true of every file, so the worst case — short timers longest, long timers shortest — passes too.
        var shortTimers = new[] { IsupTimer.T1, IsupTimer.T12, IsupTimer.T14, IsupTimer.T16, IsupTimer.T18, IsupTimer.T20, IsupTimer.T22 };
        string worst = string.Join(", ", IsupTimerLimit.All.Select(l =>
            $"\"{l.Key}\": {(shortTimers.Contains(l.Timer) ? l.MaxSeconds : l.MinSeconds)}"));
        string shortest = string.Join(", ", IsupTimerLimit.All.Select(l => $"\"{l.Key}\": {(l.MayBeOff ? 0 : l.MinSeconds)}"));
        string longest = string.Join(", ", IsupTimerLimit.All.Select(l => $"\"{l.Key}\": {l.MaxSeconds}"));
        foreach (var timers in new[] { worst, shortest, longest })
        {
            Assert.Empty(Timers(timers).Validate());
        }
    }

    public static TheoryData<string, int, IsupTimer> EveryTimerAtBothEnds()
    {
        var data = new TheoryData<string, int, IsupTimer>();
        foreach (var limit in IsupTimerLimit.All)
        {
            data.Add(limit.Key, limit.MinSeconds, limit.Timer);
            data.Add(limit.Key, limit.MaxSeconds, limit.Timer);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTimerAtBothEnds))]
    public void Each_timer_is_set_in_whole_seconds_and_leaves_the_others_alone(string key, int seconds, IsupTimer timer)
    {
        var settings = Timers($"\"{key}\": {seconds}");
        foreach (var t in Enum.GetValues<IsupTimer>())
        {
            var expected = t == timer ? TimeSpan.FromSeconds(seconds) : IsupTimerSettings.Default.Duration(t);
            Assert.Equal(expected, settings.Duration(t));
        }
    }

    [Fact]
    public void T9_and_T11_are_turned_off_with_zero()
    {
        var settings = Timers("""  "t9Seconds": 0, "t11Seconds": 0  """);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (settings.T9, settings.T11));
    }

    [Fact]
    public void Reads_the_procedures_policies()
    {
        var isup = Read(WithIsup("""
            "timers": { "t1Seconds": 30, "t5Seconds": 600, "t7Seconds": 25, "t9Seconds": 120 },
            "unequippedCicPolicy": "send-ucic", "maxRepeatAttempts": 0, "causeLocation": "transit-network"
            """)).Isup;
        Assert.Equal(
            IsupTimerSettings.Default with
            {
                T1 = TimeSpan.FromSeconds(30),
                T5 = TimeSpan.FromMinutes(10),
                T7 = TimeSpan.FromSeconds(25),
                T9 = TimeSpan.FromMinutes(2),
            },
            isup.Timers);
        Assert.Equal(UnequippedCicPolicy.SendUcic, isup.UnequippedCicPolicy);
        Assert.Equal(0, isup.MaxRepeatAttempts);
        Assert.Equal(CauseLocation.TransitNetwork, isup.CauseLocation);
    }

    [Theory]
    [InlineData("user", CauseLocation.User)]
    [InlineData("private-network-local-user", CauseLocation.PrivateNetworkLocalUser)]
    [InlineData("public-network-local-user", CauseLocation.PublicNetworkLocalUser)]
    [InlineData("transit-network", CauseLocation.TransitNetwork)]
    [InlineData("public-network-remote-user", CauseLocation.PublicNetworkRemoteUser)]
    [InlineData("private-network-remote-user", CauseLocation.PrivateNetworkRemoteUser)]
    [InlineData("international-network", CauseLocation.InternationalNetwork)]
    [InlineData("beyond-interworking-point", CauseLocation.BeyondInterworkingPoint)]
    public void Every_cause_location_has_a_word(string word, CauseLocation location)
    {
        Assert.Equal(location, Read(WithIsup($"\"causeLocation\": \"{word}\"")).Isup.CauseLocation);
    }

    [Theory]
    [InlineData("discard", UnequippedCicPolicy.Discard)]
    [InlineData("send-ucic", UnequippedCicPolicy.SendUcic)]
    public void Every_unequipped_cic_policy_has_a_word(string word, UnequippedCicPolicy policy)
    {
        Assert.Equal(policy, Read(WithIsup($"\"unequippedCicPolicy\": \"{word}\"")).Isup.UnequippedCicPolicy);
    }

    [Theory]
    [InlineData(""" "timers": { "t7Seconds": 10 } """, "$.isup.timers.t7Seconds", "must be from 20 to 30 (Q.764 Table A.1: T7 20-30 s), not 10")]
    [InlineData(""" "timers": { "t5Seconds": 5 } """, "$.isup.timers.t5Seconds", "must be from 300 to 900 (Q.764 Table A.1: T5 5-15 min), not 5")]
    [InlineData(""" "timers": { "t9Seconds": 60 } """, "$.isup.timers.t9Seconds", "must be 0 (off) or from 90 to 180 (Q.118: T9 90-180 s), not 60")]
    [InlineData(""" "timers": { "t11Seconds": -1 } """, "$.isup.timers.t11Seconds", "must be 0 (off) or from 15 to 20 (Q.764 Table A.1: T11 15-20 s), not -1")]
    [InlineData(""" "timers": { "t1Seconds": 0 } """, "$.isup.timers.t1Seconds", "must be from 15 to 60 (Q.764 Table A.1: T1 15-60 s), not 0")]
    [InlineData(""" "timers": { "t6Seconds": 300 } """, "$.isup.timers.t6Seconds", "must be from 10 to 120 (Q.118: T6 10-120 s), not 300")]
    [InlineData(""" "timers": { "t2Seconds": 30 } """, "$.isup.timers.t2Seconds",
        "must be from 60 to 900 (Q.764 Table A.1 fixes T2 at 3 min; 1-15 min leaves room for national variants), not 30")]
    [InlineData(""" "timers": { "t33Seconds": 9999999999 } """, "$.isup.timers.t33Seconds", "must be from 12 to 15 (Q.764 Table A.1: T33 12-15 s), not 9999999999")]
    [InlineData(""" "timers": { "t1Seconds": "15s" } """, "$.isup.timers.t1Seconds", "must be a whole number of seconds, not \"15s\"")]
    [InlineData(""" "timers": { "t1Seconds": 15.5 } """, "$.isup.timers.t1Seconds", "must be a whole number of seconds, not 15.5")]
    [InlineData(""" "timers": { "t7": 20 } """, "$.isup.timers.t7", "is not a known key; ISUP timers are whole seconds, written t7Seconds")]
    [InlineData(""" "timers": { "t7Ms": 20000 } """, "$.isup.timers.t7Ms", "is not a known key; ISUP timers are whole seconds, written t7Seconds")]
    [InlineData(""" "timers": { "t8Seconds": 10 } """, "$.isup.timers.t8Seconds",
        "is not a known key; the ISUP procedures do not run T8 (they run T1, T2, T4, T5, T6, T7, T9, T11, T12, T13, T14, T15, T16, T17, T18, T19, T20, T21, T22, T23, T33)")]
    [InlineData(""" "timers": { "release": 10 } """, "$.isup.timers.release", "is not a known key")]
    [InlineData(""" "timers": [] """, "$.isup.timers", "must be an object, not an array")]
    [InlineData(""" "timer": {} """, "$.isup.timer", "is not a known key")]
    [InlineData(""" "unequippedCicPolicy": "ucic" """, "$.isup.unequippedCicPolicy", "must be one of discard, send-ucic, not \"ucic\"")]
    [InlineData(""" "maxRepeatAttempts": 6 """, "$.isup.maxRepeatAttempts", "must be from 0 to 5, not 6")]
    [InlineData(""" "maxRepeatAttempts": -1 """, "$.isup.maxRepeatAttempts", "must be from 0 to 5, not -1")]
    [InlineData(""" "maxRepeatAttempts": true """, "$.isup.maxRepeatAttempts", "must be a whole number from 0 to 5, not true")]
    [InlineData(""" "causeLocation": "ln" """, "$.isup.causeLocation",
        "must be one of user, private-network-local-user, public-network-local-user, transit-network, public-network-remote-user, private-network-remote-user, international-network, beyond-interworking-point, not \"ln\"")]
    public void Names_the_defect_and_its_key(string members, string path, string message)
    {
        Assert.Contains(new ConfigurationError(path, message), Errors(WithIsup(members)));
    }

    [Fact]
    public void Every_bad_timer_is_reported_not_just_the_first()
    {
        var errors = Errors(WithIsup(""" "timers": { "t1Seconds": 5, "t7Seconds": "20", "t8Seconds": 10, "t33Seconds": 13 } """));
        Assert.Equal(
            ["$.isup.timers.t1Seconds", "$.isup.timers.t7Seconds", "$.isup.timers.t8Seconds"],
            errors.Select(e => e.Path));
    }
}
