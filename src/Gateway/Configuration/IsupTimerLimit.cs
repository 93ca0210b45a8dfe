using System.Globalization;
using Gateway.Isup;

namespace Gateway.Configuration;

/// <summary>
/// What <c>isup.timers</c> accepts for one Q.764 timer, in whole seconds. The ranges are the standards' own, because
/// the peer's procedures are built around them and a value outside one is most often a unit slip (5 for T5's five
/// minutes): Table A.1/Q.764 where it gives a range, Q.118 for T6 and T9 (Table A.1 refers to it), and for T2, which
/// Table A.1 fixes at 3 min, a span of our own wide enough for national variants.
/// </summary>
/// <param name="Timer">The timer.</param>
/// <param name="MinSeconds">The shortest value.</param>
/// <param name="MaxSeconds">The longest value.</param>
/// <param name="MayBeOff">Whether 0 is accepted too, to turn the timer off (T9, T11: the procedures allow it).</param>
/// <param name="Basis">Where the range comes from, for the error message and the documentation.</param>
public sealed record IsupTimerLimit(IsupTimer Timer, int MinSeconds, int MaxSeconds, bool MayBeOff, string Basis)
{
    /// <summary>Every timer the procedures run, in <see cref="IsupTimer"/> order; a test holds it complete.</summary>
    public static IReadOnlyList<IsupTimerLimit> All { get; } =
    [
        TableA1(IsupTimer.T1, 15, 60),
        new(IsupTimer.T2, 60, 900, false, "Q.764 Table A.1 fixes T2 at 3 min; 1-15 min leaves room for national variants"),
        TableA1(IsupTimer.T4, 300, 900),
        TableA1(IsupTimer.T5, 300, 900),
        // Q.118's range as recalled: docs/isup-procedures.md lists it with the items to check against the text.
        Q118(IsupTimer.T6, 10, 120, mayBeOff: false),
        TableA1(IsupTimer.T7, 20, 30),
        Q118(IsupTimer.T9, 90, 180, mayBeOff: true),
        TableA1(IsupTimer.T11, 15, 20, mayBeOff: true),
        TableA1(IsupTimer.T12, 15, 60),
        TableA1(IsupTimer.T13, 300, 900),
        TableA1(IsupTimer.T14, 15, 60),
        TableA1(IsupTimer.T15, 300, 900),
        TableA1(IsupTimer.T16, 15, 60),
        TableA1(IsupTimer.T17, 300, 900),
        TableA1(IsupTimer.T18, 15, 60),
        TableA1(IsupTimer.T19, 300, 900),
        TableA1(IsupTimer.T20, 15, 60),
        TableA1(IsupTimer.T21, 300, 900),
        TableA1(IsupTimer.T22, 15, 60),
        TableA1(IsupTimer.T23, 300, 900),
        TableA1(IsupTimer.T33, 12, 15),
    ];

    /// <summary>The JSON key: <c>t7Seconds</c>. The unit is in the name, as in <c>sip.timers.t1Ms</c> and <c>shutdown.drainSeconds</c>.</summary>
    public string Key => "t" + Number.ToString(CultureInfo.InvariantCulture) + "Seconds";

    /// <summary>The timer's number: 7 for T7.</summary>
    public int Number => int.Parse(Timer.ToString().AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="seconds"/> is accepted.</summary>
    public bool Allows(long seconds) => (seconds >= MinSeconds && seconds <= MaxSeconds) || (MayBeOff && seconds == 0);

    /// <summary>The message for a value outside the limit, naming the range and where it comes from.</summary>
    public string Refusal(long seconds) => string.Create(CultureInfo.InvariantCulture,
        $"must be {(MayBeOff ? "0 (off) or " : "")}from {MinSeconds} to {MaxSeconds} ({Basis}), not {seconds}");

    /// <summary>The limit of <paramref name="timer"/>.</summary>
    public static IsupTimerLimit Of(IsupTimer timer)
    {
        foreach (var limit in All)
        {
            if (limit.Timer == timer) return limit;
        }
        throw new ArgumentOutOfRangeException(nameof(timer), timer, "Not a timer of the procedures.");
    }

    private static IsupTimerLimit TableA1(IsupTimer timer, int min, int max, bool mayBeOff = false) =>
        new(timer, min, max, mayBeOff, $"Q.764 Table A.1: {timer} {Span(min, max)}");

    private static IsupTimerLimit Q118(IsupTimer timer, int min, int max, bool mayBeOff) =>
        new(timer, min, max, mayBeOff, $"Q.118: {timer} {Span(min, max)}");

    /// <summary>"15-60 s", or "5-15 min" when both ends are whole minutes, as the standards write them.</summary>
    private static string Span(int min, int max) => min % 60 == 0 && max % 60 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{min / 60}-{max / 60} min")
        : string.Create(CultureInfo.InvariantCulture, $"{min}-{max} s");
}
