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
        using var server = DaemonProcess.Start(["run", "--config", ServerConfig]);
        await server.WaitForLinesAsync("event=association-configured association=from-a");
        using var client = DaemonProcess.Start(["run", "--config", ClientConfig]);

        await BothActiveAndReset(client, server, expected: 1);

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
        using var server = DaemonProcess.Start(["run", "--config", ServerConfig]);
        await server.WaitForLinesAsync("event=association-configured association=from-a");
        using var client = DaemonProcess.Start(["run", "--config", ClientConfig]);
        await BothActiveAndReset(client, server, expected: 1);

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
