using Gateway.Testing;

namespace Gateway.Tests.Daemon;

/// <summary>
/// The daemon's own SCTP path, end to end: two daemons join osmo-stp as the static ASPs of scripts/sctp-lab/osmo-stp.cfg
/// (source ports 2906 and 2907, routing contexts 1 and 2, point codes 1 and 2), come up, and reset each other's
/// circuits through it: every GRS and GRA crosses osmo-stp, routed by DPC. Only the lab has kernel SCTP and osmo-stp:
/// make test-sctp runs this inside with-osmo-stp.sh; make test leaves it out (Category!=Stp). Without SCTP the daemons
/// refuse to start, so the test fails saying so rather than passing vacuously.
/// </summary>
[Trait("Category", "Stp")]
public sealed class OsmoStpDaemonTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new("gw-stp-");

    private string Config(string name, int sourcePort, int routingContext, int opc, int dpc)
    {
        string path = _directory.Combine(name + ".json");
        File.WriteAllText(path, $$"""
            {
              "node": { "name": "{{name}}" },
              "m3ua": { "associations": [ { "name": "stp", "transport": "sctp", "role": "asp",
                "localAddress": "127.0.0.1", "localPort": {{sourcePort}}, "remoteAddress": "127.0.0.1", "remotePort": 2905,
                "routingContext": {{routingContext}} } ] },
              "isup": { "opc": {{opc}}, "circuitGroups": [ { "name": "peer", "dpc": {{dpc}}, "association": "stp", "cics": ["1-31"] } ] },
              "logging": { "syslog": [] },
              "shutdown": { "drainSeconds": 0 }
            }
            """);
        return path;
    }

    [Fact]
    public async Task Two_daemons_join_osmo_stp_as_asps_and_reset_each_others_circuits_through_it()
    {
        using var a = DaemonProcess.Start(["run", "--config", Config("gw-a", 2906, 1, opc: 1, dpc: 2)]);
        using var b = DaemonProcess.Start(["run", "--config", Config("gw-b", 2907, 2, opc: 2, dpc: 1)]);

        foreach (var (daemon, dpc) in new[] { (a, 2), (b, 1) })
        {
            await daemon.WaitForLinesAsync("event=notify-received rc=", timeout: Patience);
            await daemon.WaitForLinesAsync($"event=destination-available dpc={dpc}", timeout: Patience);
        }

        // Each side's GRS reached the other through osmo-stp, and the GRA came back the same way.
        foreach (var daemon in new[] { a, b })
        {
            await daemon.WaitForLinesAsync("event=group-reset-received", timeout: Patience);
            await daemon.WaitForLinesAsync("event=reset-completed", timeout: Patience);
        }

        a.Signal(DaemonProcess.SIGTERM);
        b.Signal(DaemonProcess.SIGTERM);
        Assert.Equal(0, await a.WaitForExitAsync());
        Assert.Equal(0, await b.WaitForExitAsync());
    }

    public void Dispose() => _directory.Dispose();
}
