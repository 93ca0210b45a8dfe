namespace Gateway.Isup;

/// <summary>
/// The call and reset states of one circuit (the per-CIC machine in <c>docs/isup-procedures.md</c>). Blocking is
/// not a state here but <see cref="CircuitBlocking"/>, which runs independently of these.
/// </summary>
public enum CircuitState
{
    /// <summary>The route to the peer is down, or has not come up since start: the circuit's state is unknown.</summary>
    Unavailable,

    /// <summary>Free: may be seized by either end (unless blocked).</summary>
    Idle,

    /// <summary>Superstate: a call holds the circuit.</summary>
    Busy,

    /// <summary>Superstate of <see cref="Busy"/>: our call (we sent the IAM).</summary>
    Outgoing,

    /// <summary>IAM sent, waiting for ACM or CON (T7). Until a backward message comes, an IAM from the peer is dual seizure.</summary>
    OutgoingAwaitingAcm,

    /// <summary>ACM received, waiting for ANM (T9).</summary>
    OutgoingAwaitingAnswer,

    /// <summary>ANM or CON received: the call is answered.</summary>
    OutgoingAnswered,

    /// <summary>Superstate of <see cref="Busy"/>: the peer's call (it sent the IAM).</summary>
    Incoming,

    /// <summary>IAM received; call control has not sent ACM yet (T11).</summary>
    IncomingSetup,

    /// <summary>ACM sent, waiting for call control to answer.</summary>
    IncomingAlerting,

    /// <summary>ANM or CON sent: the call is answered.</summary>
    IncomingAnswered,

    /// <summary>REL sent, waiting for RLC (T1, T5): the circuit cannot be reused until it comes.</summary>
    AwaitingRlc,

    /// <summary>Superstate: the circuit is being reset; messages other than the reset's answer and REL/RSC are dropped.</summary>
    Resetting,

    /// <summary>RSC sent, waiting for RLC (T16, T17).</summary>
    ResetSent,

    /// <summary>Covered by our GRS, waiting for GRA (T22, T23 run on the group's GRS).</summary>
    GroupResetSent,
}
