using Gateway.Systemd;

namespace Gateway.Tests.Systemd;

public sealed class SystemdEnvironmentTests
{
    private static SystemdEnvironment Detect(Dictionary<string, string> env, int pid = 100, string? stdout = null, string? stderr = null) =>
        SystemdEnvironment.Detect(k => env.GetValueOrDefault(k), pid, fd => fd == 1 ? stdout : fd == 2 ? stderr : null);

    [Fact]
    public void Nothing_set_means_not_under_systemd()
    {
        var e = Detect([]);
        Assert.Equal(SystemdEnvironment.None, e);
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
