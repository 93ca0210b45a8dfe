namespace Gateway.Sip;

/// <summary>The states of one SIP call leg (an INVITE and the dialog it creates); see docs/sip-stack.md.</summary>
public enum SipCallState
{
    /// <summary>Outgoing: the INVITE is sent, no provisional response with a To tag yet.</summary>
    Calling,

    /// <summary>Incoming: the INVITE is received and not yet answered.</summary>
    Offered,

    /// <summary>A provisional response created an early dialog (sent by us when incoming, received when outgoing).</summary>
    Early,

    /// <summary>Incoming: our 2xx is sent and retransmitted until its ACK arrives (RFC 3261 §13.3.1.4).</summary>
    Answering,

    /// <summary>The 2xx is sent and ACKed (incoming) or received and ACKed (outgoing): the session is up.</summary>
    Confirmed,

    /// <summary>Outgoing: we asked to cancel the INVITE and wait for its final response.</summary>
    Cancelling,

    /// <summary>The call is over; nothing more is reported.</summary>
    Ended,
}
