namespace Gateway.Sip;

/// <summary>States of the non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8).</summary>
public enum NonInviteServerState
{
    /// <summary>Superstate of every state but Terminated (a transport error or the TU abandoning ends any of them); never current itself.</summary>
    Live,

    /// <summary>The request is with the TU and nothing has been sent: retransmissions are discarded.</summary>
    Trying,

    /// <summary>The TU sent a provisional response: retransmissions are answered with the last one.</summary>
    Proceeding,

    /// <summary>The final response was sent: retransmissions are answered with it until Timer J.</summary>
    Completed,

    /// <summary>Over: the transaction ignores every event.</summary>
    Terminated,
}
