namespace Gateway.Interworking;

/// <summary>A call from SIP to the PSTN (RFC 3398 §7): INVITE in, IAM out.</summary>
public enum SipToIsupState
{
    /// <summary>Created for an INVITE; nothing sent yet.</summary>
    Idle,
    /// <summary>A circuit is being taken and the IAM sent; no backward message yet (T7 runs in the procedures).</summary>
    IamSent,
    /// <summary>ACM (or a CPG) came back and the caller heard 180/183 (T9 runs in the procedures).</summary>
    AcmReceived,
    /// <summary>ANM or CON came back; the caller got 200 (and ACKs it).</summary>
    Answered,
    /// <summary>Over: both sides were told (REL or a final response, BYE).</summary>
    Released,
}
