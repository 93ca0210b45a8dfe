using System.Net.Sockets;

namespace Gateway.Logging;

/// <summary>
/// Non-blocking connected Unix datagram socket (e.g. <c>/dev/log</c>). A full receiver queue
/// (EAGAIN/ENOBUFS) drops the message; a vanished receiver (ECONNREFUSED, ENOENT, ...) closes
/// the socket and the next attempt connects to whatever socket then exists at the path
/// (journald restarts recreate it).
/// </summary>
internal sealed class UnixDatagramConnection : SyslogConnection
{
    private readonly UnixDomainSocketEndPoint _endPoint;

    public UnixDatagramConnection(SyslogSinkOptions options, TimeProvider clock)
        : base(options, clock)
    {
        _endPoint = new UnixDomainSocketEndPoint(options.Path);
    }

    protected override Socket Connect() => ConnectDatagram(_endPoint, ProtocolType.Unspecified);
}
