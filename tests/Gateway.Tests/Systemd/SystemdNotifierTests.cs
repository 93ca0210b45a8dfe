using Gateway.Systemd;
using Gateway.Testing;

namespace Gateway.Tests.Systemd;

public sealed class SystemdNotifierTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Delivers_state_lines_to_path_and_abstract_sockets(bool abstractName)
    {
        using var receiver = new NotifySocketReceiver(abstractName);
        using var notifier = new SystemdNotifier(receiver.NotifySocket);
        Assert.True(notifier.IsEnabled);

        Assert.True(notifier.Ready("running: 0 calls"));
        Assert.Equal("READY=1\nSTATUS=running: 0 calls", receiver.Receive());
        Assert.True(notifier.Status("two\nlines"));
        Assert.Equal("STATUS=two lines", receiver.Receive());
        Assert.True(notifier.Watchdog());
        Assert.Equal("WATCHDOG=1", receiver.Receive());
        Assert.True(notifier.Stopping("stopping"));
        Assert.Equal("STOPPING=1\nSTATUS=stopping", receiver.Receive());
        Assert.Equal(0, notifier.Failures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/path")]
    [InlineData("@")]
    public void Outside_systemd_it_is_a_no_op(string? notifySocket)
    {
        using var notifier = new SystemdNotifier(notifySocket);
        Assert.False(notifier.IsEnabled);
        Assert.False(notifier.Ready("running"));
        Assert.Equal(0, notifier.Failures);
    }

    [Fact]
    public void A_vanished_manager_is_counted_not_thrown()
    {
        string path;
        using (var receiver = new NotifySocketReceiver()) path = receiver.NotifySocket;
        using var notifier = new SystemdNotifier(path);
        Assert.False(notifier.Watchdog());
        Assert.False(notifier.Watchdog());
        Assert.Equal(2, notifier.Failures);
    }
}
