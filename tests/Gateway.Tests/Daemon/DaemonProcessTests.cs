using System.Text;
using System.Text.RegularExpressions;
using Gateway.Testing;
using Gateway.Tests.Logging;

namespace Gateway.Tests.Daemon;

/// <summary>The real executable, started the way systemd starts a <c>Type=notify</c> service.</summary>
public sealed class DaemonProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new("gw-daemon-");

    private string Config(string json)
    {
        string path = _directory.Combine("gateway.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string QuietConfig = """{ "isup": { "opc": 1 }, "logging": { "syslog": [] }, "shutdown": { "drainSeconds": 1 } }""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tells_systemd_ready_then_stopping_on_sigterm_and_exits_0(bool abstractSocket)
    {
        using var notify = new NotifySocketReceiver(abstractSocket);
        using var daemon = DaemonProcess.Start(["run", "--config", Config(QuietConfig)],
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = notify.NotifySocket });

        var beforeReady = notify.ReceiveUntil("READY=1", context: () => daemon.Output);
        Assert.DoesNotContain(beforeReady, d => d.Contains("STOPPING=1"));

        daemon.Signal(DaemonProcess.SIGTERM);
        notify.ReceiveUntil("STOPPING=1", context: () => daemon.Output);
        Assert.Equal(0, await daemon.WaitForExitAsync());
        Assert.Contains("event=stop-requested by=SIGTERM", daemon.Output);
        Assert.Contains("event=stop exit=0", daemon.Output);
    }

    [Fact]
    public async Task Pets_the_watchdog_when_systemd_asks_for_it()
    {
        using var notify = new NotifySocketReceiver();
        using var daemon = DaemonProcess.Start(["run", "--config", Config(QuietConfig)],
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = notify.NotifySocket, ["WATCHDOG_USEC"] = "200000" });
        notify.ReceiveUntil("READY=1", context: () => daemon.Output);
        notify.ReceiveUntil("WATCHDOG=1", context: () => daemon.Output);
        notify.ReceiveUntil("WATCHDOG=1", context: () => daemon.Output);
        daemon.Signal(DaemonProcess.SIGTERM);
        Assert.Equal(0, await daemon.WaitForExitAsync());
    }

    [Fact]
    public async Task Sigint_stops_as_cleanly_as_sigterm()
    {
        using var notify = new NotifySocketReceiver();
        using var daemon = DaemonProcess.Start(["run", "--config", Config(QuietConfig)],
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = notify.NotifySocket });
        notify.ReceiveUntil("READY=1", context: () => daemon.Output);
        daemon.Signal(DaemonProcess.SIGINT);
        notify.ReceiveUntil("STOPPING=1", context: () => daemon.Output);
        Assert.Equal(0, await daemon.WaitForExitAsync());
    }

    [Fact]
    public async Task A_bad_config_exits_78_without_telling_systemd_ready()
    {
        using var notify = new NotifySocketReceiver();
        using var daemon = DaemonProcess.Start(["run", "--config", Config("""{ "isup": { "opc": -1 } }""")],
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = notify.NotifySocket });
        Assert.Equal(78, await daemon.WaitForExitAsync());
        Assert.Equal(0, notify.Drain());
        Assert.Contains("$.isup.opc: must be from 0 to 16383, not -1", daemon.Output);
    }

    [Fact]
    public async Task Sends_its_startup_line_to_syslog_as_rfc5424_on_a_unix_socket_and_rfc3164_over_tcp()
    {
        using var unix = new UnixDatagramReceiver(_directory.Combine("log.sock"));
        using var tcp = new TcpOctetCountingReceiver();
        string config = Config($$"""
            {
              "node": { "name": "gw-test" },
              "isup": { "opc": 1 },
              "logging": {
                "console": "off",
                "syslog": [
                  { "transport": "unix", "path": "{{unix.Path}}", "format": "rfc5424", "facility": "local3" },
                  { "transport": "tcp", "host": "127.0.0.1", "port": {{tcp.Port}}, "format": "rfc3164" }
                ]
              },
              "shutdown": { "drainSeconds": 0 }
            }
            """);
        using var daemon = DaemonProcess.Start(["run", "--config", config]);

        byte[] datagram = await unix.ReceiveBytesAsync(TimeSpan.FromSeconds(30));
        Assert.Null(Rfc5424Validator.Validate(datagram));
        string line5424 = Encoding.UTF8.GetString(datagram);
        // local3 (19) * 8 + info (6) = 158
        Assert.StartsWith("<158>1 ", line5424);
        Assert.Contains($" gw-test sip-isup-gateway {daemon.Id} Daemon [gw@32473 ", line5424);
        Assert.Contains($"] event=start version=0.1.0 pid={daemon.Id} node=gw-test config={config}", line5424);

        string line3164 = await tcp.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Matches(new Regex(
            $@"^<134>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] gw-test sip-isup-gateway\[{daemon.Id}\]: event=start version=0\.1\.0 "),
            line3164);

        daemon.Signal(DaemonProcess.SIGTERM);
        Assert.Equal(0, await daemon.WaitForExitAsync());
        string last = "";
        while (!last.Contains("event=stop exit=0")) last = await tcp.ReceiveAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_sctp_link_on_a_kernel_without_sctp_stops_the_start_in_one_line_that_says_how_to_fix_it()
    {
        using var notify = new NotifySocketReceiver();
        string config = Config("""
            {
              "m3ua": { "associations": [ { "name": "stp", "transport": "sctp", "role": "asp", "remoteAddress": "127.0.0.1", "remotePort": 2905 } ] },
              "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "stp", "cics": ["1-31"] } ] },
              "logging": { "syslog": [] }, "shutdown": { "drainSeconds": 0 }
            }
            """);
        using var daemon = DaemonProcess.Start(["run", "--config", config],
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = notify.NotifySocket });

        if (Gateway.M3ua.SctpSupport.IsAvailable)
        {
            // A kernel with SCTP (a developer's machine): the link starts, and keeps trying a peer that is not there.
            await daemon.WaitForLinesAsync("event=association-attempt-failed association=stp attempt=1");
            daemon.Signal(DaemonProcess.SIGTERM);
            Assert.Equal(0, await daemon.WaitForExitAsync());
            return;
        }

        Assert.Equal(69, await daemon.WaitForExitAsync());
        Assert.DoesNotContain(notify.DrainMessages(), m => m.Contains("READY=1"));
        string failed = Assert.Single(daemon.Output.Split('\n'), line => line.Contains("event=failed"));
        Assert.Contains("SCTP is not available in this kernel", failed);
        Assert.Contains("modprobe sctp", failed);
        Assert.Contains("never falls back to TCP", failed);
        Assert.DoesNotContain("   at ", daemon.Output); // one line, no stack trace
    }

    [Fact]
    public async Task Writes_journald_priority_lines_when_asked_to()
    {
        using var notify = new NotifySocketReceiver();
        using var daemon = DaemonProcess.Start(
            ["run", "--config", Config("""{ "isup": { "opc": 1 }, "logging": { "console": "journald", "syslog": [] } }""")],
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = notify.NotifySocket });
        notify.ReceiveUntil("READY=1", context: () => daemon.Output);
        daemon.Signal(DaemonProcess.SIGTERM);
        Assert.Equal(0, await daemon.WaitForExitAsync());
        string[] lines = daemon.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("<6>Gateway.Daemon: event=start version=", lines[0]);
        Assert.All(lines, l => Assert.Matches("^<[2-7]>", l));
    }

    public void Dispose() => _directory.Dispose();
}
