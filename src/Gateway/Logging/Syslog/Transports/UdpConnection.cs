using System.Net;
using System.Net.Sockets;

namespace Gateway.Logging;

/// <summary>
/// Non-blocking connected UDP socket (RFC 5426: one message per datagram). The host name is
/// resolved at each (re)connect. ICMP errors reported by the kernel (ECONNREFUSED) drop the
/// message but keep the socket: there is nothing to reconnect in UDP.
/// </summary>
internal sealed class UdpConnection : SyslogConnection
{
    private readonly string _host;
    private readonly int _port;

    public UdpConnection(SyslogSinkOptions options, TimeProvider clock)
        : base(options, clock)
    {
        _host = options.Host!;
        _port = options.Port;
    }

    protected override Socket Connect() =>
        ConnectDatagram(new IPEndPoint(NetworkAddress.Resolve(_host), _port), ProtocolType.Udp);

    protected override bool IsTransient(SocketError error) =>
        base.IsTransient(error) || error is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
}
