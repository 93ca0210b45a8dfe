using System.Net;

namespace Gateway.M3ua.Management.Tests;

/// <summary>An IPSP server association behind a TCP listener on loopback: the peer a client association connects to.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public LoopbackServer(int port = 0)
    {
        Association = M3uaAssociation.CreateServer(Loopback.Options(ManagementRole.IpspServer), Data, Events);
        Listener = new M3uaTcpServer(new IPEndPoint(IPAddress.Loopback, port), [IPAddress.Loopback], Association.TransportReceiver);
        Listener.Start();
    }

    public DataLog Data { get; } = new();

    public EventLog Events { get; } = new();

    public M3uaAssociation Association { get; }

    public M3uaTcpServer Listener { get; }

    public IPEndPoint EndPoint => Listener.LocalEndPoint;

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        await Association.DisposeAsync();
    }
}
