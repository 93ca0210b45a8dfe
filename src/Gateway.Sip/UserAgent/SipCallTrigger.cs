namespace Gateway.Sip;

/// <summary>What moves a <see cref="SipCall"/> between its <see cref="SipCallState"/>s.</summary>
public enum SipCallTrigger
{
    /// <summary>A provisional response with a To tag, sent or received.</summary>
    Provisional,

    /// <summary>A 2xx to the INVITE, sent (incoming) or received and ACKed (outgoing).</summary>
    Answer,

    /// <summary>The ACK of our 2xx.</summary>
    Ack,

    /// <summary>The TU cancels the outgoing INVITE.</summary>
    Cancel,

    /// <summary>Any end: BYE either way, a final non-2xx, a CANCEL, a timeout, a transport failure, shutdown.</summary>
    End,
}
