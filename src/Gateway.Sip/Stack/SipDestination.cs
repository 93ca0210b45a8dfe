using System.Net;

namespace Gateway.Sip;

/// <summary>
/// Where the stack sends a message. UDP: the address and port. TCP: the connection to use while it is open, and the
/// address to (re)connect to when there is none or it has closed (null: do not reconnect).
/// </summary>
/// <param name="Transport">UDP or TCP.</param>
/// <param name="EndPoint">The UDP destination, or the TCP address to connect to; null only for a TCP connection that must not be replaced.</param>
/// <param name="Connection">The TCP connection to prefer; null to connect (or reuse one to <paramref name="EndPoint"/>).</param>
internal readonly record struct SipDestination(SipTransportProtocol Transport, IPEndPoint? EndPoint, SipStreamConnection? Connection = null)
{
    /// <summary>Whether messages to this destination are not retransmitted by the transactions.</summary>
    public bool IsReliable => Transport != SipTransportProtocol.Udp;

    /// <summary>
    /// Where the responses to a request from <paramref name="source"/> go (RFC 3261 §18.2.2, RFC 3581 §4). Over a stream:
    /// back on the request's connection, and if it has closed, a new connection to the received address and the sent-by
    /// port. Over UDP: the received address (which is the source address — it is stamped whenever the sent-by differs)
    /// and the rport value (the source port) if the client asked for it, otherwise the sent-by port, otherwise 5060.
    /// The <c>maddr</c> parameter (multicast) is not honoured.
    /// </summary>
    public static SipDestination ForResponses(SipPeer source, ViaHeader topVia, in ViaStamp stamp)
    {
        IPAddress address = source.EndPoint.Address;
        int viaPort = topVia.Port ?? RequestHeaders.DefaultPort(topVia.Transport);
        if (source.Transport != SipTransportProtocol.Udp)
        {
            return new SipDestination(source.Transport, new IPEndPoint(address, viaPort), source.Connection);
        }

        // Usually the source itself (rport, or a sent-by port that is the source's): its endpoint, already shared by
        // every datagram from that peer, rather than one more per request for as long as the transaction lingers.
        int port = stamp.Rport ?? topVia.Rport ?? viaPort;
        return new SipDestination(SipTransportProtocol.Udp, port == source.EndPoint.Port ? source.EndPoint : new IPEndPoint(address, port));
    }

    /// <summary>The destination for a response whose request's Via could not be read: the packet's source, or its connection only.</summary>
    public static SipDestination ToSource(SipPeer source) => source.Transport == SipTransportProtocol.Udp
        ? new SipDestination(SipTransportProtocol.Udp, source.EndPoint)
        : new SipDestination(source.Transport, null, source.Connection);

    /// <inheritdoc/>
    public override string ToString() => $"{(Transport == SipTransportProtocol.Udp ? "udp" : "tcp")}:{EndPoint?.ToString() ?? Connection?.Remote.ToString()}";
}
