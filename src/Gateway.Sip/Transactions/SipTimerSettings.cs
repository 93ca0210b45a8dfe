namespace Gateway.Sip;

/// <summary>
/// The base timer values of RFC 3261 §17 (T1, T2, T4) and every transaction timer derived from them
/// (Table 4, and Timers L and M of RFC 6026). Immutable; share one instance between transactions.
/// </summary>
public sealed class SipTimerSettings
{
    /// <summary>RFC 3261 default for T1, the round-trip time estimate.</summary>
    public static readonly TimeSpan DefaultT1 = TimeSpan.FromMilliseconds(500);

    /// <summary>RFC 3261 default for T2, the longest retransmission interval for non-INVITE requests and INVITE responses.</summary>
    public static readonly TimeSpan DefaultT2 = TimeSpan.FromSeconds(4);

    /// <summary>RFC 3261 default for T4, the longest time a message stays in the network.</summary>
    public static readonly TimeSpan DefaultT4 = TimeSpan.FromSeconds(5);

    /// <summary>The longest the INVITE server transaction waits for the TU's first provisional response (product requirement).</summary>
    public static readonly TimeSpan MaximumTryingDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The floor RFC 3261 Table 4 puts on Timer D for unreliable transports.</summary>
    private static readonly TimeSpan MinimumTimerD = TimeSpan.FromSeconds(32);

    // 64·T1 must fit comfortably in a TimeSpan and in a timer; an hour-long T1 is already absurd.
    private static readonly TimeSpan MaximumBase = TimeSpan.FromHours(1);

    /// <summary>The RFC 3261 defaults: T1 = 500 ms, T2 = 4 s, T4 = 5 s, 100 Trying after 200 ms.</summary>
    public static SipTimerSettings Default { get; } = new(DefaultT1, DefaultT2, DefaultT4);

    /// <summary>Creates settings from the base timers; every other timer is derived.</summary>
    /// <param name="t1">Round-trip estimate; positive.</param>
    /// <param name="t2">Retransmission cap; at least <paramref name="t1"/>.</param>
    /// <param name="t4">Network lifetime of a message; positive.</param>
    /// <param name="tryingDelay">
    /// How long the INVITE server transaction waits for a provisional response from the TU before sending
    /// 100 Trying itself; positive and at most 200 ms. Defaults to 200 ms.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public SipTimerSettings(TimeSpan t1, TimeSpan t2, TimeSpan t4, TimeSpan? tryingDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(t1, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(t1, MaximumBase);
        ArgumentOutOfRangeException.ThrowIfLessThan(t2, t1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(t2, MaximumBase);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(t4, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(t4, MaximumBase);
        var trying = tryingDelay ?? MaximumTryingDelay;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(trying, TimeSpan.Zero, nameof(tryingDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trying, MaximumTryingDelay, nameof(tryingDelay));

        T1 = t1;
        T2 = t2;
        T4 = t4;
        TryingDelay = trying;
    }

    /// <summary>Round-trip time estimate.</summary>
    public TimeSpan T1 { get; }

    /// <summary>Maximum retransmission interval for non-INVITE requests and INVITE final responses.</summary>
    public TimeSpan T2 { get; }

    /// <summary>Maximum time a message remains in the network.</summary>
    public TimeSpan T4 { get; }

    /// <summary>Delay before the INVITE server transaction sends 100 Trying on the TU's behalf.</summary>
    public TimeSpan TryingDelay { get; }

    /// <summary>64·T1: Timers B, F, H, J (unreliable), L and M.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer A's first interval: T1 (then doubling).</summary>
    public TimeSpan TimerA => T1;

    /// <summary>Timer B: 64·T1.</summary>
    public TimeSpan TimerB => TransactionTimeout;

    /// <summary>
    /// Timer D on unreliable transports: 64·T1 but never below 32 s, so it outlasts every retransmission of
    /// the final response the server may send while its Timer H (64·T1) runs.
    /// </summary>
    public TimeSpan TimerD => TransactionTimeout > MinimumTimerD ? TransactionTimeout : MinimumTimerD;

    /// <summary>Timer E's first interval: T1 (then doubling, capped at T2).</summary>
    public TimeSpan TimerE => T1;

    /// <summary>Timer F: 64·T1.</summary>
    public TimeSpan TimerF => TransactionTimeout;

    /// <summary>Timer G's first interval: T1 (then doubling, capped at T2).</summary>
    public TimeSpan TimerG => T1;

    /// <summary>Timer H: 64·T1.</summary>
    public TimeSpan TimerH => TransactionTimeout;

    /// <summary>Timer I on unreliable transports: T4.</summary>
    public TimeSpan TimerI => T4;

    /// <summary>Timer J on unreliable transports: 64·T1.</summary>
    public TimeSpan TimerJ => TransactionTimeout;

    /// <summary>Timer K on unreliable transports: T4.</summary>
    public TimeSpan TimerK => T4;

    /// <summary>Timer L (RFC 6026): 64·T1.</summary>
    public TimeSpan TimerL => TransactionTimeout;

    /// <summary>Timer M (RFC 6026): 64·T1.</summary>
    public TimeSpan TimerM => TransactionTimeout;

    /// <summary>
    /// The first duration of <paramref name="timer"/> on the given kind of transport: zero for D, I, J and K on
    /// a reliable transport (the state is left at once), and null for the retransmission timers A, E and G on a
    /// reliable transport (the transport retransmits; the timer is not started).
    /// </summary>
    /// <param name="timer">The timer.</param>
    /// <param name="reliableTransport">True for TCP, TLS or SCTP; false for UDP.</param>
    /// <returns>The duration, or null when the timer is not used on that transport.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timer"/> is not a defined timer.</exception>
    public TimeSpan? Duration(TransactionTimer timer, bool reliableTransport) => timer switch
    {
        TransactionTimer.A => reliableTransport ? null : TimerA,
        TransactionTimer.B => TimerB,
        TransactionTimer.D => reliableTransport ? TimeSpan.Zero : TimerD,
        TransactionTimer.E => reliableTransport ? null : TimerE,
        TransactionTimer.F => TimerF,
        TransactionTimer.G => reliableTransport ? null : TimerG,
        TransactionTimer.H => TimerH,
        TransactionTimer.I => reliableTransport ? TimeSpan.Zero : TimerI,
        TransactionTimer.J => reliableTransport ? TimeSpan.Zero : TimerJ,
        TransactionTimer.K => reliableTransport ? TimeSpan.Zero : TimerK,
        TransactionTimer.L => TimerL,
        TransactionTimer.M => TimerM,
        TransactionTimer.Trying => TryingDelay,
        _ => throw new ArgumentOutOfRangeException(nameof(timer), timer, "not a transaction timer"),
    };

    /// <inheritdoc/>
    public override string ToString() => $"T1={T1.TotalMilliseconds}ms T2={T2.TotalMilliseconds}ms T4={T4.TotalMilliseconds}ms";
}
