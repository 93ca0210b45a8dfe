namespace Gateway.Sip;

/// <summary>States of the non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6).</summary>
public enum NonInviteClientState
{
    /// <summary>Superstate of every state but Terminated (a transport error or the TU abandoning ends any of them); never current itself.</summary>
    Live,

    /// <summary>Constructed, request not sent yet: <see cref="NonInviteClientTransaction{TMessage}.Start"/> sends it.</summary>
    Created,

    /// <summary>Superstate of Trying and Proceeding: no final response yet, Timer E retransmits (unreliable) and Timer F runs; never current itself.</summary>
    AwaitingFinal,

    /// <summary>Request sent, no response yet: Timer E doubles from T1 up to T2.</summary>
    Trying,

    /// <summary>A provisional response arrived: the request is still retransmitted, every T2.</summary>
    Proceeding,

    /// <summary>The final response arrived: its retransmissions are absorbed until Timer K.</summary>
    Completed,

    /// <summary>Over: the transaction ignores every event.</summary>
    Terminated,
}
