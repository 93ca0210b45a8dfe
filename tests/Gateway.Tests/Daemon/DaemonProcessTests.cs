using Gateway.Testing;

namespace Gateway.Tests.Daemon;

/// <summary>The real executable, started the way systemd starts a <c>Type=notify</c> service.</summary>
public sealed class DaemonProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gw-daemon-").FullName;

    private string Config(string json)
    {
        string path = Path.Combine(_directory, "gateway.json");
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
        Assert.Contains("event=signal signal=SIGTERM", daemon.Output);
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
