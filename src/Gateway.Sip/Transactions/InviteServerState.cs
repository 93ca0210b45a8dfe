namespace Gateway.Sip;

/// <summary>States of the INVITE server transaction (RFC 3261 §17.2.1, Figure 7, with RFC 6026's Accepted).</summary>
public enum InviteServerState
{
    /// <summary>Superstate of every state but Terminated (a transport error or the TU abandoning ends any of them); never current itself.</summary>
    Live,

    /// <summary>The INVITE is with the TU: provisional responses are sent; 100 Trying goes out if the TU is slow.</summary>
    Proceeding,

    /// <summary>A 300–699 response was sent: Timer G retransmits it (unreliable) until the ACK, Timer H gives up.</summary>
    Completed,

    /// <summary>The ACK arrived: its retransmissions are absorbed until Timer I.</summary>
    Confirmed,

    /// <summary>RFC 6026: a 2xx was sent; the TU retransmits it, INVITE retransmissions are absorbed until Timer L.</summary>
    Accepted,

    /// <summary>Over: the transaction ignores every event.</summary>
    Terminated,
}
