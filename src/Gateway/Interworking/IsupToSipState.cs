namespace Gateway.Interworking;

/// <summary>A call from the PSTN to SIP (RFC 3398 §8): IAM in, INVITE out.</summary>
public enum IsupToSipState
{
    /// <summary>Created for an IAM; nothing sent yet.</summary>
    Idle,
    /// <summary>The INVITE is out; no provisional response yet (T11 may make us send ACM anyway).</summary>
    InviteSent,
    /// <summary>ACM sent (on 180/183, or on T11); later 18x become CPG.</summary>
    Early,
    /// <summary>200 came back: ANM (or CON) sent.</summary>
    Answered,
    /// <summary>The PSTN released: our CANCEL or BYE is out and the SIP side is finishing (a 200 may still cross the CANCEL).</summary>
    Releasing,
    /// <summary>Over on both sides.</summary>
    Released,
}
