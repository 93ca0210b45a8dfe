namespace Gateway.M3ua;

/// <summary>
/// What an operator also wants to hear about an association beyond its management events: why a connection attempt
/// failed (otherwise an unreachable peer is silence), and the kernel's SCTP notifications (association restarts,
/// a multi-homed path failing). Give it where an <see cref="IM3uaManagementEventSink"/> is asked for.
/// </summary>
public interface IM3uaAssociationEventSink : IM3uaManagementEventSink
{
    /// <summary>A client attempt (connect, then ASPUP acknowledged) failed or timed out; another follows after the delay.</summary>
    void AttemptFailed(in M3uaAttemptFailure failure);

    /// <summary>An SCTP notification on the connection now up (ASSOC_CHANGE, PEER_ADDR_CHANGE, SHUTDOWN_EVENT ...).</summary>
    void TransportEvent(SctpNotification notification);
}
