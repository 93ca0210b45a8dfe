using System.Net;
using System.Net.Sockets;

namespace Gateway.Testing;

/// <summary>A UDP socket bound on 127.0.0.1 (port 0 picks a free one) receiving syslog datagrams.</summary>
public sealed class UdpReceiver(int port = 0) : DatagramReceiver(new IPEndPoint(IPAddress.Loopback, port), ProtocolType.Udp)
{
    public int Port => ((IPEndPoint)LocalEndPoint).Port;

    public string Host => "127.0.0.1";
}
