using System.Net;

namespace Gateway.Sip;

/// <summary>
/// Where a message came from: the transport, the remote address and port of the packet or connection, and for a
/// stream transport the connection itself (RFC 3261 §18.2.2 sends responses back on it).
/// </summary>
/// <param name="Transport">The transport the message arrived on (not what its Via claims).</param>
/// <param name="EndPoint">The source address and port.</param>
/// <param name="Connection">The stream connection the message arrived on; null for UDP.</param>
public sealed record SipPeer(SipTransportProtocol Transport, IPEndPoint EndPoint, SipStreamConnection? Connection = null)
{
    /// <summary>Whether the transport is reliable (no retransmissions, RFC 3261 §17).</summary>
    public bool IsReliable => Transport != SipTransportProtocol.Udp;

    /// <summary><c>udp:192.0.2.1:5060</c>: the form logs use.</summary>
    /// <returns>The transport and address.</returns>
    public override string ToString() => $"{(Transport == SipTransportProtocol.Udp ? "udp" : "tcp")}:{EndPoint}";
}
