namespace Gateway.Isup;

/// <summary>
/// The duration of every Q.764 timer the procedures run. Table A.1/Q.764 gives ranges, not defaults; each default
/// here is the low end of its range (the value most exchanges ship with), and every value can be set. Immutable;
/// share one instance.
/// </summary>
public sealed record IsupTimerSettings
{
    /// <summary>The defaults (see each property).</summary>
    public static IsupTimerSettings Default { get; } = new();

    /// <summary>T1, 15–60 s: REL repeated while no RLC. Default 15 s.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T2, 3 min: a subscriber-initiated suspend may last this long. Default 3 min.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>T4, 5–15 min: user part test interval while the peer's ISUP is unavailable. Default 5 min.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T5, 5–15 min: after this long without RLC the circuit is reset and maintenance alerted. Default 5 min.</summary>
    public TimeSpan T5 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T6, per Q.118: a network-initiated suspend may last this long. Default 60 s.</summary>
    public TimeSpan T6 { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>T7, 20–30 s: wait for ACM (or CON) after the latest address message. Default 20 s.</summary>
    public TimeSpan T7 { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>T9, per Q.118 (90–180 s): wait for answer after ACM. Default 90 s; <see cref="TimeSpan.Zero"/> disables it.</summary>
    public TimeSpan T9 { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>T11, 15–20 s: an interworking exchange sends ACM when the far side says nothing this long. Default 15 s; zero disables it.</summary>
    public TimeSpan T11 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T12, 15–60 s: BLO repeat interval. Default 15 s.</summary>
    public TimeSpan T12 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T13, 5–15 min: BLO alarm and slow repeat interval. Default 5 min.</summary>
    public TimeSpan T13 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T14, 15–60 s: UBL repeat interval. Default 15 s.</summary>
    public TimeSpan T14 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T15, 5–15 min: UBL alarm and slow repeat interval. Default 5 min.</summary>
    public TimeSpan T15 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T16, 15–60 s: RSC repeat interval. Default 15 s.</summary>
    public TimeSpan T16 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T17, 5–15 min: RSC alarm and slow repeat interval. Default 5 min.</summary>
    public TimeSpan T17 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T18, 15–60 s: CGB repeat interval. Default 15 s.</summary>
    public TimeSpan T18 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T19, 5–15 min: CGB alarm and slow repeat interval. Default 5 min.</summary>
    public TimeSpan T19 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T20, 15–60 s: CGU repeat interval. Default 15 s.</summary>
    public TimeSpan T20 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T21, 5–15 min: CGU alarm and slow repeat interval. Default 5 min.</summary>
    public TimeSpan T21 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T22, 15–60 s: GRS repeat interval. Default 15 s.</summary>
    public TimeSpan T22 { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>T23, 5–15 min: GRS alarm and slow repeat interval. Default 5 min.</summary>
    public TimeSpan T23 { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>T33, 12–15 s: wait for INF after INR. Default 12 s.</summary>
    public TimeSpan T33 { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>The duration of <paramref name="timer"/>; zero for an optional timer that is disabled.</summary>
    public TimeSpan Duration(IsupTimer timer) => timer switch
    {
        IsupTimer.T1 => T1,
        IsupTimer.T2 => T2,
        IsupTimer.T4 => T4,
        IsupTimer.T5 => T5,
        IsupTimer.T6 => T6,
        IsupTimer.T7 => T7,
        IsupTimer.T9 => T9,
        IsupTimer.T11 => T11,
        IsupTimer.T12 => T12,
        IsupTimer.T13 => T13,
        IsupTimer.T14 => T14,
        IsupTimer.T15 => T15,
        IsupTimer.T16 => T16,
        IsupTimer.T17 => T17,
        IsupTimer.T18 => T18,
        IsupTimer.T19 => T19,
        IsupTimer.T20 => T20,
        IsupTimer.T21 => T21,
        IsupTimer.T22 => T22,
        IsupTimer.T23 => T23,
        IsupTimer.T33 => T33,
        _ => throw new ArgumentOutOfRangeException(nameof(timer), timer, "Not a timer of the procedures."),
    };

    /// <summary>
    /// Every problem with these values: a timer that is not positive (T9 and T11 may be zero: disabled), or a repeat
    /// timer that is not shorter than the long timer it runs under (T1 &lt; T5, T12 &lt; T13, ...). Empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (IsupTimer timer in Enum.GetValues<IsupTimer>())
        {
            TimeSpan duration = Duration(timer);
            bool optional = timer is IsupTimer.T9 or IsupTimer.T11;
            if (duration < TimeSpan.Zero || (duration == TimeSpan.Zero && !optional))
            {
                errors.Add($"{timer} must be positive{(optional ? " (or zero to disable it)" : string.Empty)}; it is {duration}.");
            }
        }

        RequireShorter(errors, IsupTimer.T1, IsupTimer.T5);
        RequireShorter(errors, IsupTimer.T12, IsupTimer.T13);
        RequireShorter(errors, IsupTimer.T14, IsupTimer.T15);
        RequireShorter(errors, IsupTimer.T16, IsupTimer.T17);
        RequireShorter(errors, IsupTimer.T18, IsupTimer.T19);
        RequireShorter(errors, IsupTimer.T20, IsupTimer.T21);
        RequireShorter(errors, IsupTimer.T22, IsupTimer.T23);
        return errors;
    }

    private void RequireShorter(List<string> errors, IsupTimer repeat, IsupTimer alarm)
    {
        if (Duration(repeat) >= Duration(alarm))
        {
            errors.Add($"{repeat} ({Duration(repeat)}) must be shorter than {alarm} ({Duration(alarm)}): {repeat} repeats the message until {alarm} first expires.");
        }
    }
}
