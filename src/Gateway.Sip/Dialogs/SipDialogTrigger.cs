namespace Gateway.Sip;

public enum SipDialogTrigger
{
    /// <summary>A 2xx to the INVITE.</summary>
    Confirm,
    /// <summary>A BYE sent or received, a non-2xx final ending an early dialog, or a transaction timeout.</summary>
    Terminate,
}
