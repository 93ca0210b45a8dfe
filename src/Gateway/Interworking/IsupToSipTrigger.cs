namespace Gateway.Interworking;

/// <summary>What moves an ISUP → SIP call.</summary>
public enum IsupToSipTrigger
{
    /// <summary>The IAM was routed to a trunk.</summary>
    Start,
    /// <summary>180–183 from the callee.</summary>
    SipProgress,
    /// <summary>The first 2xx (already ACKed by the user agent).</summary>
    SipAnswered,
    /// <summary>The SIP side ended: a failure response, BYE, timeout, or the end of our CANCEL/BYE.</summary>
    SipEnded,
    /// <summary>The PSTN released (REL, answered with RLC by the procedures), or the procedures ended the call.</summary>
    IsupEnded,
    /// <summary>T11: no ACM sent for a while; send one now so the PSTN's T7 does not fire.</summary>
    AddressCompleteDue,
    /// <summary>USR from the PSTN.</summary>
    Usr,
    /// <summary>The gateway ends the call (shutdown after the drain time).</summary>
    Abort,
}
