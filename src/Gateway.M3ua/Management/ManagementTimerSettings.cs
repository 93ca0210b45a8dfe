namespace Gateway.M3ua;

/// <summary>
/// The timers of the management machines. RFC 4666 leaves every value to implementations; each default below says why
/// it was chosen. Immutable; share one instance.
/// </summary>
public sealed record ManagementTimerSettings
{
    /// <summary>The defaults (see each property).</summary>
    public static ManagementTimerSettings Default { get; } = new();

    /// <summary>
    /// T(ack): how long to wait for the ACK of ASPUP, REG REQ, ASPAC, ASPIA or ASPDN before sending it again. Default
    /// 2 s, the value common stacks ship with: long enough for a loaded SGP, short enough that bring-up stays quick.
    /// </summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many times one request is sent (the first included) before the machines give up on it and say so. Default
    /// 5: ten seconds of silence with the default T(ack), after which reconnecting is the better cure.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>
    /// The BEAT interval while the association is up; <see cref="TimeSpan.Zero"/> sends none (SCTP's own heartbeat may
    /// be enough). Default 10 s: over TCP, BEAT is the only liveness check, and 3 misses then find a dead peer in 30 s.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many BEATs in a row may go unanswered (each found missing when the next is due) before the association is
    /// declared dead. Default 3: one lost BEAT or a slow peer is not a failure.
    /// </summary>
    public int HeartbeatMissLimit { get; init; } = 3;

    /// <summary>
    /// How often DAUD audits the destinations an SGP reported unavailable, restricted or congested, while we are active;
    /// <see cref="TimeSpan.Zero"/> audits none. Default 30 s: a lost DAVA then costs at most half a minute of calls,
    /// and the SGP is not kept busy.
    /// </summary>
    public TimeSpan AuditInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after the last SCON a destination's congestion is taken to have ended; <see cref="TimeSpan.Zero"/>
    /// keeps it until an SCON with level 0, DAVA or DUNA. ITU SCON has no level and no "congestion over" message, so
    /// without this the level would never fall. Default 10 s, the top of Q.764's T30 (5–10 s), after which ISUP
    /// itself raises its traffic again.
    /// </summary>
    public TimeSpan CongestionAbatement { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem with these values; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (AckTimeout <= TimeSpan.Zero)
        {
            errors.Add($"AckTimeout must be positive; it is {AckTimeout}.");
        }

        if (MaxAttempts < 1)
        {
            errors.Add($"MaxAttempts must be at least 1; it is {MaxAttempts}.");
        }

        if (HeartbeatInterval < TimeSpan.Zero)
        {
            errors.Add($"HeartbeatInterval must be positive, or zero to send no BEAT; it is {HeartbeatInterval}.");
        }

        if (HeartbeatMissLimit < 1)
        {
            errors.Add($"HeartbeatMissLimit must be at least 1; it is {HeartbeatMissLimit}.");
        }

        if (AuditInterval < TimeSpan.Zero)
        {
            errors.Add($"AuditInterval must be positive, or zero to send no DAUD; it is {AuditInterval}.");
        }

        if (CongestionAbatement < TimeSpan.Zero)
        {
            errors.Add($"CongestionAbatement must be positive, or zero to keep congestion until told otherwise; it is {CongestionAbatement}.");
        }

        return errors;
    }
}
