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

    protected override Socket Connect()
    {
        IPAddress address = NetworkAddress.Resolve(_host);
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Connect(new IPEndPoint(address, _port));
            socket.Blocking = false;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    protected override SocketError Transmit(Socket socket, byte[] buffer, int offset, int count)
    {
        socket.Send(buffer.AsSpan(offset, count), SocketFlags.None, out SocketError error);
        return error;
    }

    protected override bool IsTransient(SocketError error) =>
        base.IsTransient(error) || error is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
}
