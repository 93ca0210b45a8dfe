using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Gateway.M3ua.Management.Tests;

/// <summary>Two associations over TCP loopback: bring-up, DATA both ways, the peer gone and back.</summary>
public sealed class AssociationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private sealed class DataLog : IM3uaDataReceiver
    {
        public ConcurrentQueue<(ProtocolDataHeader Header, byte[] UserData, uint? Rc)> Received { get; } = new();

        public void DataReceived(in ProtocolDataHeader header, ReadOnlySpan<byte> userData, uint? routingContext) =>
            Received.Enqueue((header, userData.ToArray(), routingContext));
    }

    private sealed class EventLog : IM3uaManagementEventSink
    {
        public ConcurrentQueue<M3uaManagementEventKind> Kinds { get; } = new();

        public void Report(in M3uaManagementEvent managementEvent) => Kinds.Enqueue(managementEvent.Kind);
    }

    private static M3uaAssociationOptions Options(ManagementRole role) => new()
    {
        Management = Tests.Options.Ipsp(role, ExchangeMode.Single),
        ReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromSeconds(2),
    };

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Bound) Assert.Fail($"Not within {Bound}: {what}");
            await Task.Delay(10);
        }
    }

    private sealed class ServerSide : IAsyncDisposable
    {
        public ServerSide(int port)
        {
            Association = M3uaAssociation.CreateServer(Options(ManagementRole.IpspServer), Data, Events);
            Listener = new M3uaTcpServer(new IPEndPoint(IPAddress.Loopback, port), [IPAddress.Loopback], Association.TransportReceiver);
            Listener.Start();
        }

        public DataLog Data { get; } = new();

        public EventLog Events { get; } = new();

        public M3uaAssociation Association { get; }

        public M3uaTcpServer Listener { get; }

        public async ValueTask DisposeAsync()
        {
            await Listener.DisposeAsync();
            await Association.DisposeAsync();
        }
    }

    private static async Task ExchangeData(M3uaAssociation client, DataLog clientData, M3uaAssociation server, DataLog serverData, byte tag)
    {
        var up = new ProtocolDataHeader(0x0101, 0x0801, (byte)Mtp3ServiceIndicator.Isup, (byte)Mtp3NetworkIndicator.National, 0, 5);
        Assert.True(client.TrySendData(in up, [0x05, 0x00, 0x01, tag]));
        await Eventually(() => !serverData.Received.IsEmpty, "DATA at the server");
        Assert.True(serverData.Received.TryDequeue(out var got));
        Assert.Equal(0x0101u, got.Header.OriginatingPointCode);
        Assert.Equal(0x0801u, got.Header.DestinationPointCode);
        Assert.Equal((byte)Mtp3ServiceIndicator.Isup, got.Header.ServiceIndicator);
        Assert.Equal((byte)Mtp3NetworkIndicator.National, got.Header.NetworkIndicator);
        Assert.Equal(5, got.Header.SignallingLinkSelection);
        Assert.Equal(new byte[] { 0x05, 0x00, 0x01, tag }, got.UserData);
        Assert.Equal(Tests.Options.Rc, got.Rc);

        var down = new ProtocolDataHeader(0x0801, 0x0101, (byte)Mtp3ServiceIndicator.Isup, (byte)Mtp3NetworkIndicator.National, 1, 11);
        Assert.True(server.TrySendData(in down, [0x05, 0x00, 0x10, tag, 0xff]));
        await Eventually(() => !clientData.Received.IsEmpty, "DATA at the client");
        Assert.True(clientData.Received.TryDequeue(out got));
        Assert.Equal(0x0801u, got.Header.OriginatingPointCode);
        Assert.Equal(0x0101u, got.Header.DestinationPointCode);
        Assert.Equal((byte)Mtp3ServiceIndicator.Isup, got.Header.ServiceIndicator);
        Assert.Equal(1, got.Header.MessagePriority);
        Assert.Equal(11, got.Header.SignallingLinkSelection);
        Assert.Equal(new byte[] { 0x05, 0x00, 0x10, tag, 0xff }, got.UserData);
    }

    [Fact]
    public async Task Two_ipsps_carry_data_and_the_client_reconnects_when_the_server_comes_back()
    {
        var first = new ServerSide(0);
        int port = first.Listener.LocalEndPoint.Port;
        var clientData = new DataLog();
        var clientEvents = new EventLog();
        await using var client = M3uaAssociation.StartTcpClient(
            Options(ManagementRole.IpspClient), new IPEndPoint(IPAddress.Loopback, port), clientData, clientEvents);

        Assert.False(client.TrySendData(new ProtocolDataHeader(1, 2, 5, 2, 0, 0), [1]));
        await Eventually(() => client.TrafficMayFlow && first.Association.TrafficMayFlow, "traffic may flow on both sides");
        await ExchangeData(client, clientData, first.Association, first.Data, 1);

        // The peer goes away: the client hears the connection down and stops carrying traffic.
        await first.DisposeAsync();
        await Eventually(() => client.Connection is null && !client.TrafficMayFlow, "the client sees the association down");
        Assert.False(client.TrySendData(new ProtocolDataHeader(1, 2, 5, 2, 0, 0), [1]));
        Assert.Equal(1, client.Connects);

        // A new server on the same port: the client reconnects by itself and brings traffic back.
        await using var second = new ServerSide(port);
        await Eventually(() => client.TrafficMayFlow && second.Association.TrafficMayFlow, "traffic may flow again");
        Assert.Equal(2, client.Connects);
        await ExchangeData(client, clientData, second.Association, second.Data, 2);
        Assert.Equal(0, client.DataDropped);
        Assert.Equal(0, second.Association.DataDropped);
        Assert.Contains(M3uaManagementEventKind.TrafficStarted, clientEvents.Kinds);
    }

    [Fact]
    public async Task Disposing_the_client_stops_reconnecting()
    {
        await using var server = new ServerSide(0);
        var client = M3uaAssociation.StartTcpClient(
            Options(ManagementRole.IpspClient), server.Listener.LocalEndPoint, new DataLog());
        await Eventually(() => client.TrafficMayFlow && server.Association.TrafficMayFlow, "traffic may flow");
        await client.DisposeAsync().AsTask().WaitAsync(Bound);
        await Eventually(() => server.Association.Connection is null, "the server sees the client gone");
        Assert.Null(client.Connection);
        Assert.Equal(1, client.Connects);
    }
}
