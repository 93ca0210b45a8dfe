using System.Net;
using System.Net.Sockets;
using Gateway.Testing;

namespace Gateway.Tests.Daemon;

/// <summary>
/// Two real daemons joined by M3UA over TCP on loopback, an IPSP server and an IPSP client, each with circuits toward
/// the other: the association comes up and becomes active, each side resets its circuits (GRS one way, GRA back: ISUP
/// DATA both ways), and the client finds a killed peer gone, a frozen one dead by its heartbeat, and the peer's return.
/// </summary>
public sealed class M3uaPairProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new("gw-pair-");
    private readonly int _port = FreeTcpPort();

    private string Config(string name, string json)
    {
        string path = _directory.Combine(name + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    // Gateway B stands in for the PSTN switch (point code 2) and listens; gateway A (point code 1) connects to it.
    private string ServerConfig => Config("b", $$"""
        {
          "node": { "name": "gw-b" },
          "m3ua": { "associations": [ { "name": "from-a", "transport": "tcp", "role": "ipsp", "mode": "server",
            "localAddress": "127.0.0.1", "localPort": {{_port}}, "remoteAddress": "127.0.0.1", "routingContext": 1,
            "heartbeatSeconds": 1, "heartbeatMisses": 2 } ] },
          "isup": { "opc": 2, "networkIndicator": "national",
            "circuitGroups": [ { "name": "to-a", "dpc": 1, "association": "from-a", "cics": ["1-31"] } ] },
          "logging": { "syslog": [] },
          "shutdown": { "drainSeconds": 0 }
        }
        """);

    private string ClientConfig => Config("a", $$"""
        {
          "node": { "name": "gw-a" },
          "m3ua": { "associations": [ { "name": "to-b", "transport": "tcp", "role": "ipsp", "mode": "client",
            "remoteAddress": "127.0.0.1", "remotePort": {{_port}}, "routingContext": 1,
            "heartbeatSeconds": 1, "heartbeatMisses": 2 } ] },
          "isup": { "opc": 1, "networkIndicator": "national",
            "circuitGroups": [ { "name": "to-b", "dpc": 2, "association": "to-b", "cics": ["1-31"] } ] },
          "logging": { "syslog": [] },
          "shutdown": { "drainSeconds": 0 }
        }
        """);

    [Fact]
    public async Task Come_up_reset_each_others_circuits_and_survive_a_killed_peer()
    {
        var (server, client) = await StartPair();
        using var _ = server;
        using var __ = client;

        // The peer process dies: the client sees the connection go, the DPC become unavailable, and waits for it.
        server.Signal(DaemonProcess.SIGKILL);
        await server.WaitForExitAsync();
        await client.WaitForLinesAsync("event=destination-unavailable dpc=2 cause=34");

        using var restarted = DaemonProcess.Start(["run", "--config", ServerConfig]);
        await BothActiveAndReset(client, restarted, expected: 2, serverExpected: 1, timeout: TimeSpan.FromSeconds(60));

        client.Signal(DaemonProcess.SIGTERM);
        restarted.Signal(DaemonProcess.SIGTERM);
        Assert.Equal(0, await client.WaitForExitAsync());
        Assert.Equal(0, await restarted.WaitForExitAsync());
    }

    [Fact]
    public async Task A_frozen_peer_is_found_dead_by_its_heartbeat_and_taken_back_when_it_wakes()
    {
        var (server, client) = await StartPair();
        using var _ = server;
        using var __ = client;

        // Stopped, not killed: its kernel keeps the TCP connection open, so only the unanswered BEATs can tell.
        server.Signal(DaemonProcess.SIGSTOP);
        try
        {
            await client.WaitForLinesAsync("event=association-dead", timeout: TimeSpan.FromSeconds(30));
            await client.WaitForLinesAsync("event=destination-unavailable dpc=2");
        }
        finally
        {
            server.Signal(DaemonProcess.SIGCONT);
        }

        await client.WaitForLinesAsync("event=destination-available dpc=2", count: 2, timeout: TimeSpan.FromSeconds(90));
        await client.WaitForLinesAsync("event=reset-completed", count: 2, timeout: TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Bad_input_on_the_m3ua_port_gets_ERR_or_a_close_and_the_daemon_carries_on()
    {
        using var server = DaemonProcess.Start(["run", "--config", ServerConfig]);
        await server.WaitForLinesAsync("event=association-configured association=from-a");
        var endpoint = new IPEndPoint(IPAddress.Loopback, _port);

        // Wrong version: answered with ERR, Invalid Version (RFC 4666 §3.8.1 error code 0x01), the connection kept.
        using (var raw = new TcpClient())
        {
            await raw.ConnectAsync(endpoint);
            NetworkStream stream = raw.GetStream();
            await stream.WriteAsync(new byte[] { 2, 0, 3, 1, 0, 0, 0, 8 });
            byte[] err = await ReadMessage(stream);
            Assert.Equal(new byte[] { 1, 0, 0, 0 }, err[..4]); // MGMT ERR
            Assert.Equal(new byte[] { 0, 0x0C, 0, 8, 0, 0, 0, 1 }, err[8..16]); // Error Code: Invalid Version

            // A length no message can have: the connection is closed before anything is allocated for it.
            await stream.WriteAsync(new byte[] { 1, 0, 3, 1, 0x7F, 0xFF, 0xFF, 0xF8 });
            Assert.Equal(0, await ReadToEnd(stream));
        }

        // Well-framed messages of random classes, types and bodies: each answered with ERR or nothing, or the
        // connection closed; never a crash.
        var random = new Random(4666);
        using (var raw = new TcpClient())
        {
            await raw.ConnectAsync(endpoint);
            NetworkStream stream = raw.GetStream();
            try
            {
                for (int i = 0; i < 500; i++)
                {
                    int bodyLength = random.Next(0, 64) & ~3;
                    var message = new byte[8 + bodyLength];
                    random.NextBytes(message);
                    message[0] = 1;
                    message[1] = 0;
                    message[2] = (byte)random.Next(0, 12);
                    message[3] = (byte)random.Next(0, 8);
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)message.Length);
                    await stream.WriteAsync(message);
                }
            }
            catch (IOException)
            {
                // The daemon may close a connection that sends nonsense; that is one of the allowed answers.
            }
        }

        // The same daemon then serves a real peer as if nothing had happened.
        using var client = DaemonProcess.Start(["run", "--config", ClientConfig]);
        await BothActiveAndReset(client, server, expected: 1);
        Assert.False(server.HasExited);
        Assert.DoesNotContain("Unhandled exception", server.Output);
    }

    private static async Task<byte[]> ReadMessage(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var header = new byte[8];
        await stream.ReadExactlyAsync(header, cts.Token);
        int length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        var message = new byte[length];
        header.CopyTo(message, 0);
        await stream.ReadExactlyAsync(message.AsMemory(8), cts.Token);
        return message;
    }

    private static async Task<int> ReadToEnd(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[256];
        int total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, cts.Token)) > 0) total += n;
        return total;
    }

    private async Task<(DaemonProcess Server, DaemonProcess Client)> StartPair()
    {
        var server = DaemonProcess.Start(["run", "--config", ServerConfig]);
        DaemonProcess? client = null;
        try
        {
            await server.WaitForLinesAsync("event=association-configured association=from-a");
            client = DaemonProcess.Start(["run", "--config", ClientConfig]);
            await BothActiveAndReset(client, server, expected: 1);
            return (server, client);
        }
        catch
        {
            // No daemon outlives a failed test.
            client?.Dispose();
            server.Dispose();
            throw;
        }
    }

    private static async Task BothActiveAndReset(DaemonProcess client, DaemonProcess server, int expected, int? serverExpected = null,
        TimeSpan? timeout = null)
    {
        int onServer = serverExpected ?? expected;
        await client.WaitForLinesAsync("event=destination-available dpc=2", expected, timeout);
        await server.WaitForLinesAsync("event=destination-available dpc=1", onServer, timeout);

        // Each side's GRS reached the other and its GRA came back: DATA in both directions.
        await client.WaitForLinesAsync("event=group-reset-received", expected, timeout);
        await server.WaitForLinesAsync("event=group-reset-received", onServer, timeout);
        await client.WaitForLinesAsync("event=reset-completed", expected, timeout);
        await server.WaitForLinesAsync("event=reset-completed", onServer, timeout);
    }

    private static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public void Dispose() => _directory.Dispose();
}
