namespace Gateway.Interworking;

/// <summary>What moves a SIP → ISUP call.</summary>
public enum SipToIsupTrigger
{
    /// <summary>The INVITE was admitted and its IAM built.</summary>
    Start,
    /// <summary>No circuit could be taken (none free, the route down): 503 with the refusal's cause.</summary>
    CircuitRefused,
    /// <summary>ACM.</summary>
    Acm,
    /// <summary>CPG.</summary>
    Cpg,
    /// <summary>ANM or CON.</summary>
    Answer,
    /// <summary>USR from the PSTN.</summary>
    Usr,
    /// <summary>The ISUP side ended: REL from the PSTN, or the procedures (T7, T9, reset ...), with its cause.</summary>
    IsupEnded,
    /// <summary>The SIP side ended: CANCEL, BYE, no ACK, transport lost.</summary>
    SipEnded,
    /// <summary>Our 200 was ACKed.</summary>
    Confirmed,
    /// <summary>The gateway ends the call (shutdown after the drain time).</summary>
    Abort,
}
