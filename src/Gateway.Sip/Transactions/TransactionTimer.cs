namespace Gateway.Sip;

/// <summary>
/// The timers of the SIP transaction layer (RFC 3261 §17, Table 4; RFC 6026 adds L and M), plus the
/// product's 100 Trying timer. Durations come from <see cref="SipTimerSettings.Duration"/>.
/// </summary>
public enum TransactionTimer
{
    /// <summary>INVITE client: request retransmission (unreliable transports only), T1 doubling without a cap.</summary>
    A,

    /// <summary>INVITE client: timeout in Calling, 64·T1.</summary>
    B,

    /// <summary>INVITE client: wait in Completed for retransmitted final responses; at least 32 s, zero on reliable transports.</summary>
    D,

    /// <summary>Non-INVITE client: request retransmission (unreliable only), T1 doubling capped at T2; T2 in Proceeding.</summary>
    E,

    /// <summary>Non-INVITE client: timeout in Trying and Proceeding, 64·T1.</summary>
    F,

    /// <summary>INVITE server: final non-2xx response retransmission (unreliable only), T1 doubling capped at T2.</summary>
    G,

    /// <summary>INVITE server: wait for the ACK in Completed, 64·T1.</summary>
    H,

    /// <summary>INVITE server: absorb ACK retransmissions in Confirmed; T4, zero on reliable transports.</summary>
    I,

    /// <summary>Non-INVITE server: absorb request retransmissions in Completed; 64·T1, zero on reliable transports.</summary>
    J,

    /// <summary>Non-INVITE client: absorb response retransmissions in Completed; T4, zero on reliable transports.</summary>
    K,

    /// <summary>INVITE server (RFC 6026): absorb INVITE retransmissions in Accepted, 64·T1.</summary>
    L,

    /// <summary>INVITE client (RFC 6026): pass 2xx retransmissions and forked 2xx to the TU in Accepted, 64·T1.</summary>
    M,

    /// <summary>
    /// INVITE server: send 100 Trying when the TU has sent no provisional response within
    /// <see cref="SipTimerSettings.TryingDelay"/> (RFC 3261 §17.2.1; 200 ms is a product requirement).
    /// </summary>
    Trying,
}
