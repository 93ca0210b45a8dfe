using System.Net;

namespace Gateway.M3ua;

/// <summary>
/// SCTP_PEER_ADDR_CHANGE: one of a multi-homed peer's addresses changed state (a path failed or recovered, or became
/// primary). <see cref="Address"/> is null for an address family the decoder does not know.
/// </summary>
public sealed record SctpPeerAddressChange(IPEndPoint? Address, SctpPeerAddressState State, int Error) : SctpNotification;
