namespace Gateway.Isup;

/// <summary>What the procedures did about a maintenance event (the <c>action=</c> word of its log line).</summary>
public enum IsupMaintenanceAction
{
    /// <summary>Nothing beyond what the event says.</summary>
    None,

    /// <summary>The message was dropped.</summary>
    Discard,

    /// <summary>The circuit was reset (RSC sent).</summary>
    Reset,

    /// <summary>The call was released (REL sent).</summary>
    Release,

    /// <summary>CFN was sent.</summary>
    Confusion,

    /// <summary>UCIC was sent.</summary>
    Unequipped,

    /// <summary>Glare: we control the circuit, our call continues and the received IAM is dropped.</summary>
    Continue,

    /// <summary>Glare: the peer controls the circuit, our call backs off and its IAM is re-sent on another circuit.</summary>
    BackOff,

    /// <summary>BLO sent (again).</summary>
    Block,

    /// <summary>UBL sent.</summary>
    Unblock,

    /// <summary>The message was sent again (a repeat timer expired).</summary>
    Repeat,
}
