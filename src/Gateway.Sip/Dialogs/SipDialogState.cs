namespace Gateway.Sip;

public enum SipDialogState
{
    /// <summary>Created by a provisional response with a To tag (RFC 3261 §12.1).</summary>
    Early,
    /// <summary>Created or confirmed by a 2xx.</summary>
    Confirmed,
    /// <summary>Ended by BYE, by a final non-2xx to the INVITE that created it early, or by a timeout.</summary>
    Terminated,
}
