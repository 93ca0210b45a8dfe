namespace Gateway.M3ua;

/// <summary>
/// SCTP_ASSOC_CHANGE: the association came up, was lost, restarted (the peer rebooted: its M3UA state is gone),
/// or shut down. <see cref="Error"/> is sac_error, the SCTP error cause code when there is one.
/// </summary>
public sealed record SctpAssociationChange(SctpAssociationState State, ushort Error, ushort OutboundStreams, ushort InboundStreams) : SctpNotification;
