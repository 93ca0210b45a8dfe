namespace Gateway.M3ua;

/// <summary>The routing contexts of the peer's ASPAC or ASPIA, which our ACK echoes (copied: the signal may not outlive the call).</summary>
internal readonly record struct PeerRequest(ReadOnlyMemory<uint> RoutingContexts);
