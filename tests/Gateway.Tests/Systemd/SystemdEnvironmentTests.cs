using Gateway.Systemd;

namespace Gateway.Tests.Systemd;

public sealed class SystemdEnvironmentTests
{
    private static SystemdEnvironment Detect(
        Dictionary<string, string> env, int pid = 100, string? stdout = null, string? stderr = null, string? parent = "bash") =>
        SystemdEnvironment.Detect(k => env.GetValueOrDefault(k), pid, fd => fd == 1 ? stdout : fd == 2 ? stderr : null, () => parent);

    [Fact]
    public void Nothing_set_means_not_under_systemd()
    {
        var e = Detect([]);
        Assert.Equal(SystemdEnvironment.None, e);
    }

    [Theory]
    [InlineData("100", null, "bash", true)]
    [InlineData("101", null, "systemd", false)]
    [InlineData(null, "/run/systemd/notify", "bash", true)]
    [InlineData(null, null, "systemd", true)]
    [InlineData(null, null, null, false)]
    public void A_service_is_recognised_by_exec_pid_then_notify_socket_then_parent(string? execPid, string? notify, string? parent, bool expected)
    {
        var env = new Dictionary<string, string>();
        if (execPid is not null) env["SYSTEMD_EXEC_PID"] = execPid;
        if (notify is not null) env["NOTIFY_SOCKET"] = notify;
        Assert.Equal(expected, Detect(env, pid: 100, parent: parent).IsService);
    }

    [Fact]
    public void Notify_socket_is_taken_as_given()
    {
        Assert.Equal("/run/systemd/notify", Detect(new() { ["NOTIFY_SOCKET"] = "/run/systemd/notify" }).NotifySocket);
        Assert.Equal("@abstract", Detect(new() { ["NOTIFY_SOCKET"] = "@abstract" }).NotifySocket);
        Assert.Null(Detect(new() { ["NOTIFY_SOCKET"] = "" }).NotifySocket);
    }

    [Theory]
    [InlineData("20000000", null, 10_000)]
    [InlineData("20000000", "100", 10_000)]
    [InlineData("3000", null, 1.5)]
    public void Watchdog_is_petted_at_half_its_timeout(string usec, string? pid, double expectedMs)
    {
        var env = new Dictionary<string, string> { ["WATCHDOG_USEC"] = usec };
        if (pid is not null) env["WATCHDOG_PID"] = pid;
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Detect(env, pid: 100).WatchdogInterval);
    }

    [Theory]
    [InlineData("20000000", "101")]
    [InlineData("0", null)]
    [InlineData("x", null)]
    [InlineData("-5", null)]
    public void Watchdog_meant_for_another_process_or_malformed_is_ignored(string usec, string? pid)
    {
        var env = new Dictionary<string, string> { ["WATCHDOG_USEC"] = usec };
        if (pid is not null) env["WATCHDOG_PID"] = pid;
        Assert.Null(Detect(env, pid: 100).WatchdogInterval);
    }

    [Theory]
    [InlineData("8:4242", "socket:[4242]", null, true)]
    [InlineData("8:4242", "/dev/pts/0", "socket:[4242]", true)]
    [InlineData("8:4242", "socket:[4243]", "/dev/null", false)]
    [InlineData("8:4242", "pipe:[4242]", null, false)]
    [InlineData("garbage", "socket:[4242]", null, false)]
    public void Journal_is_only_the_stream_systemd_connected(string journalStream, string? stdout, string? stderr, bool expected)
    {
        var e = Detect(new() { ["JOURNAL_STREAM"] = journalStream }, stdout: stdout, stderr: stderr);
        Assert.Equal(expected, e.OutputIsJournal);
    }
}
