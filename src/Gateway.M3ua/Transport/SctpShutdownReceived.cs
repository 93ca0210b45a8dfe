namespace Gateway.M3ua;

/// <summary>SCTP_SHUTDOWN_EVENT: the peer began an orderly shutdown; it will send nothing more.</summary>
public sealed record SctpShutdownReceived : SctpNotification;
