namespace Gateway.Sip;

/// <summary>How a transaction the TU knows of ended; reported once, last.</summary>
public enum SipTransactionEnd
{
    /// <summary>
    /// Normally: a final response was received (client) or sent (server) and the transaction's timers ran out.
    /// </summary>
    Completed,

    /// <summary>
    /// Client: no final response in time (Timer B or F, RFC 3261 §17.1.1.2, §17.1.2.2). Server: no ACK for a
    /// 300–699 response to INVITE (Timer H, §17.2.1).
    /// </summary>
    TimedOut,

    /// <summary>The transport could not deliver a message of the transaction (RFC 3261 §17.1.4, §17.2.4).</summary>
    TransportFailed,

    /// <summary>
    /// Client INVITE only: a CANCEL was sent and no final response arrived within 64·T1 of it, so the INVITE
    /// transaction was abandoned (RFC 3261 §9.1). The call is over as far as the stack is concerned.
    /// </summary>
    CancelUnanswered,

    /// <summary>The TU abandoned the transaction, or the stack was disposed.</summary>
    Abandoned,
}
