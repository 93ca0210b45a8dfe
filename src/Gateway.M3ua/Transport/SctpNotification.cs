namespace Gateway.M3ua;

/// <summary>
/// An SCTP notification read from the association (recvmsg with MSG_NOTIFICATION), decoded for the caller's log.
/// The transport itself acts only on the ones that end the association.
/// </summary>
public abstract record SctpNotification;
