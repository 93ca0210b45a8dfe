namespace Gateway.Sip;

/// <summary>Why a call ended; the interworking layer maps it to an ISUP cause.</summary>
public enum SipCallEndKind
{
    /// <summary>A final 300–699 response to the INVITE: received (outgoing) or sent by the TU (incoming).</summary>
    Rejected,

    /// <summary>
    /// Incoming: the caller's CANCEL (answered 200, the INVITE 487). Outgoing: our CANCEL took effect — a 487, or a 2xx
    /// that crossed it and was ACKed and then ended with BYE (RFC 3261 §9.1).
    /// </summary>
    Cancelled,

    /// <summary>The peer sent BYE (answered 200).</summary>
    RemoteHangup,

    /// <summary>We sent BYE at the TU's request.</summary>
    LocalHangup,

    /// <summary>Incoming: our 2xx was not ACKed within 64·T1, so we sent BYE (RFC 3261 §13.3.1.4).</summary>
    NoAck,

    /// <summary>Outgoing: no final response to the INVITE (Timer B).</summary>
    TimedOut,

    /// <summary>The INVITE could not be delivered.</summary>
    TransportFailed,

    /// <summary>Outgoing: our CANCEL got no final response to the INVITE within 64·T1 (RFC 3261 §9.1).</summary>
    CancelUnanswered,

    /// <summary>
    /// A request we sent in the dialog got 481 or 408 or no response, so the dialog is gone (RFC 3261 §12.2.1.2):
    /// we sent BYE. The peer has vanished or lost the call.
    /// </summary>
    DialogLost,

    /// <summary>The user agent shut down with the call still up.</summary>
    Shutdown,
}
