namespace Gateway.Sip;

/// <summary>States of the INVITE client transaction (RFC 3261 §17.1.1, Figure 5, with RFC 6026's Accepted).</summary>
public enum InviteClientState
{
    /// <summary>Superstate of every state but Terminated (a transport error or the TU abandoning ends any of them); never current itself.</summary>
    Live,

    /// <summary>Constructed, INVITE not sent yet: <see cref="InviteClientTransaction{TMessage}.Start"/> sends it.</summary>
    Created,

    /// <summary>INVITE sent, no response yet: Timer A retransmits (unreliable transports), Timer B times out.</summary>
    Calling,

    /// <summary>A provisional response arrived: no more retransmissions; waiting for the final response.</summary>
    Proceeding,

    /// <summary>A 300–699 response arrived and was ACKed: retransmissions of it are answered with the ACK until Timer D.</summary>
    Completed,

    /// <summary>RFC 6026: a 2xx arrived; every further 2xx (retransmitted or forked) goes to the TU until Timer M.</summary>
    Accepted,

    /// <summary>Over: the transaction ignores every event.</summary>
    Terminated,
}
