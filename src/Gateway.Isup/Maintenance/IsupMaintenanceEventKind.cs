namespace Gateway.Isup;

/// <summary>What a <see cref="IsupMaintenanceEvent"/> reports; its log word is in <see cref="IsupMaintenanceEvent.Name"/>.</summary>
public enum IsupMaintenanceEventKind
{
    /// <summary>The route to the DPC came back: its circuits are being reset.</summary>
    RouteAvailable,

    /// <summary>The route to the DPC was lost: calls are cleared locally, nothing is offered.</summary>
    RouteUnavailable,

    /// <summary>MTP reported the peer's ISUP inaccessible: no new calls, UPT every T4.</summary>
    UserPartUnavailable,

    /// <summary>MTP reported no ISUP at the peer at all (alarm): no new calls until the route is restored.</summary>
    UserPartUnequipped,

    /// <summary>A message from the peer (UPA or any other) shows its ISUP is back.</summary>
    UserPartAvailable,

    /// <summary>UPT sent (T4 expired).</summary>
    UserPartTestSent,

    /// <summary>RSC sent.</summary>
    ResetSent,

    /// <summary>GRS sent.</summary>
    GroupResetSent,

    /// <summary>Our RSC got its RLC, or our GRS its GRA: the circuits can carry calls.</summary>
    ResetCompleted,

    /// <summary>RSC received.</summary>
    ResetReceived,

    /// <summary>GRS received.</summary>
    GroupResetReceived,

    /// <summary>A group message was dropped: an unequipped CIC in a GRS's range, or a range or status the message cannot have.</summary>
    GroupMessageDiscarded,

    /// <summary>T5 expired: no RLC to our REL for minutes (alarm); the circuit is reset.</summary>
    ReleaseCompleteOverdue,

    /// <summary>The long timer of an acknowledged procedure (T13, T15, T17, T19, T21, T23) expired (alarm); the message is repeated every long timer.</summary>
    AcknowledgementOverdue,

    /// <summary>T33 expired: no INF to our INR (alarm); the call is released.</summary>
    InformationOverdue,

    /// <summary>T7, T9, T2 or T6 expired: the call is released.</summary>
    CallTimerExpired,

    /// <summary>We blocked a circuit (BLO) or a group (CGB).</summary>
    BlockingSent,

    /// <summary>We unblocked a circuit (UBL) or a group (CGU).</summary>
    UnblockingSent,

    /// <summary>BLA or CGBA received for our blocking.</summary>
    BlockingAcknowledged,

    /// <summary>UBA or CGUA received for our unblocking.</summary>
    UnblockingAcknowledged,

    /// <summary>The peer blocked circuits (BLO, CGB).</summary>
    RemotelyBlocked,

    /// <summary>The peer unblocked circuits (UBL, CGU, or an IAM on a circuit it had blocked).</summary>
    RemotelyUnblocked,

    /// <summary>An acknowledgement that answers nothing we sent, or that differs from what we asked.</summary>
    UnexpectedAcknowledgement,

    /// <summary>UCIC received: the peer does not have this circuit (alarm); it is no longer used.</summary>
    FarEndUnequipped,

    /// <summary>A message for a CIC we do not have (answered with UCIC or dropped, as configured).</summary>
    UnequippedCic,

    /// <summary>A message from a point code that has no circuit group.</summary>
    UnknownPointCode,

    /// <summary>A recognised message the circuit's state does not expect (Q.764 §2.9.5.1).</summary>
    UnexpectedMessage,

    /// <summary>A message type we do not implement (Q.764 §2.9.5.3).</summary>
    UnrecognisedMessage,

    /// <summary>A message with parameters we do not implement whose instructions ask the procedures to act.</summary>
    UnrecognisedParameter,

    /// <summary>CFN received.</summary>
    ConfusionReceived,

    /// <summary>Dual seizure (Q.764 §2.9.1.4): both ends sent an IAM on one circuit.</summary>
    Glare,

    /// <summary>An outgoing call moved to another circuit (automatic repeat attempt).</summary>
    RepeatAttempt,

    /// <summary>An IAM on a circuit we blocked was dropped.</summary>
    IamDiscarded,
}
