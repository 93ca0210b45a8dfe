namespace Gateway.M3ua;

/// <summary>A notification the transport does not decode (for instance SCTP_REMOTE_ERROR), by its type number.</summary>
public sealed record SctpOtherNotification(ushort Type) : SctpNotification;
