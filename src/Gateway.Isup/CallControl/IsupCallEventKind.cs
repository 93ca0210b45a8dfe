namespace Gateway.Isup;

/// <summary>What a <see cref="IsupCallEvent"/> tells call control.</summary>
public enum IsupCallEventKind
{
    /// <summary>An IAM arrived: a new incoming call (<see cref="IsupCallEvent.Message"/> is the IAM). Always the call's first event.</summary>
    IncomingCall,

    /// <summary>Incoming: a SAM (overlap address digits).</summary>
    SubsequentAddress,

    /// <summary>Outgoing: the peer asks for information (INR); answer with <see cref="IsupCallControl.SendInf"/>.</summary>
    InformationRequest,

    /// <summary>Incoming: INF, the answer to our INR.</summary>
    Information,

    /// <summary>Outgoing: ACM.</summary>
    AddressComplete,

    /// <summary>CPG.</summary>
    Progress,

    /// <summary>Outgoing: ANM.</summary>
    Answered,

    /// <summary>Outgoing: CON (answer without ACM).</summary>
    Connected,

    /// <summary>USR.</summary>
    UserToUser,

    /// <summary>FAC.</summary>
    Facility,

    /// <summary>SUS (<see cref="IsupCallEvent.NetworkInitiated"/> tells which timer runs: T6 or T2).</summary>
    Suspended,

    /// <summary>RES.</summary>
    Resumed,

    /// <summary>Incoming: T11 expired without an ACM from call control: send ACM now, so the PSTN's T7 does not fire.</summary>
    AddressCompleteDue,

    /// <summary>
    /// Outgoing: the call lost its circuit before any backward message (dual seizure, reset, blocking, UCIC) and its IAM
    /// was sent again on another one (automatic repeat attempt): <see cref="IsupCall.Cic"/> has changed,
    /// <see cref="IsupCallEvent.PreviousCic"/> is the old one and <see cref="IsupCallEvent.Reason"/> says why.
    /// </summary>
    Reattempted,

    /// <summary>The peer released the call (REL, answered with RLC). Last event of the call.</summary>
    Released,

    /// <summary>The procedures ended the call (a timer, a reset, blocking, a protocol error); <see cref="IsupCallEvent.Reason"/> says why. Last event of the call.</summary>
    Failed,
}
