namespace Gateway.Isup;

/// <summary>
/// What the codec concluded from the parameter compatibility information of the unrecognised parameters of a
/// recognised message (Q.764 §2.9.5.3.2): the codec drops or passes the parameters itself; the procedures only release
/// the call, drop the message, or send CFN.
/// </summary>
public enum ParameterCompatibilityAction : byte
{
    /// <summary>Every parameter was recognised, or the unrecognised ones were dropped silently: process the message.</summary>
    None = 0,

    /// <summary>Release the call (REL cause 99) instead of processing the message.</summary>
    ReleaseCall,

    /// <summary>Discard the whole message silently.</summary>
    DiscardMessage,

    /// <summary>Discard the whole message and send CFN (cause 110).</summary>
    DiscardMessageAndNotify,

    /// <summary>Process the message (the codec dropped the parameter) and send CFN (cause 99).</summary>
    ProcessAndNotify,
}
