using System.Net;

namespace Gateway.M3ua;

/// <summary>
/// Where a transport delivers what happens on its connections. A connection calls its receiver from one loop, one call
/// at a time, in this order: <see cref="ConnectionUp"/> once, then messages and association events as they arrive, then
/// <see cref="ConnectionDown"/> once. A receiver that throws closes that one connection (reason
/// <see cref="M3uaDownReason.ReceiverFailed"/>), never the process. Calls must not block: the next message waits behind them.
/// </summary>
public interface IM3uaTransportReceiver
{
    /// <summary>The connection is established (TCP connected, SCTP association up); nothing has been received yet.</summary>
    void ConnectionUp(M3uaConnection connection);

    /// <summary>
    /// One whole M3UA message, common header included. <paramref name="stream"/> is the SCTP stream it came on; TCP has
    /// no streams and always says 0. The bytes live in a pooled buffer that is reused once the call returns: decode or
    /// copy them before returning.
    /// </summary>
    void MessageReceived(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message);

    /// <summary>An SCTP notification (association change, peer address change, shutdown), for the log. Never for TCP.</summary>
    void AssociationEvent(M3uaConnection connection, SctpNotification notification);

    /// <summary>The connection is down and its socket closed; why, and the error if an error took it down.</summary>
    void ConnectionDown(M3uaConnection connection, M3uaConnectionDown down);

    /// <summary>A server closed an inbound connection from an address that is not among its configured peers.</summary>
    void PeerRefused(IPEndPoint remote)
    {
    }
}
