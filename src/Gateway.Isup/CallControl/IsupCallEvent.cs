namespace Gateway.Isup;

/// <summary>One event of one call, for call control (see <see cref="IIsupCallEventSink"/>).</summary>
public readonly struct IsupCallEvent
{
    /// <summary>Creates an event.</summary>
    public IsupCallEvent(
        IsupCallEventKind kind,
        object? message = null,
        IsupCause cause = default,
        IsupCallEndReason reason = IsupCallEndReason.None,
        int previousCic = -1,
        bool networkInitiated = false)
    {
        Kind = kind;
        Message = message;
        Cause = cause;
        Reason = reason;
        PreviousCic = previousCic;
        NetworkInitiated = networkInitiated;
    }

    /// <summary>What happened.</summary>
    public IsupCallEventKind Kind { get; }

    /// <summary>The codec's decoded message (IAM, ACM, CPG, ANM, CON, USR, SAM, INR, INF, FAC, SUS, RES, REL), untouched.</summary>
    public object? Message { get; }

    /// <summary><see cref="IsupCallEventKind.Released"/>: the REL's cause. <see cref="IsupCallEventKind.Failed"/>: the cause to report on the other leg (and sent in our REL, if one was sent).</summary>
    public IsupCause Cause { get; }

    /// <summary>Why the call failed or was moved.</summary>
    public IsupCallEndReason Reason { get; }

    /// <summary><see cref="IsupCallEventKind.Reattempted"/>: the circuit the call left; -1 otherwise.</summary>
    public int PreviousCic { get; }

    /// <summary><see cref="IsupCallEventKind.Suspended"/> and <see cref="IsupCallEventKind.Resumed"/>: network initiated (rather than by the subscriber).</summary>
    public bool NetworkInitiated { get; }

    /// <summary>For traces and test failures.</summary>
    public override string ToString() => Reason == IsupCallEndReason.None
        ? (Cause.IsPresent ? $"{Kind} cause={Cause}" : Kind.ToString())
        : $"{Kind} reason={Reason} cause={Cause}";
}
