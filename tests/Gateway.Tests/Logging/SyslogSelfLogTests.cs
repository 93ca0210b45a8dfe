using Gateway.Logging;
using Gateway.Testing;
using Serilog.Debugging;

namespace Gateway.Tests.Logging;

/// <summary>SelfLog is process-global: this is the only test class that enables it.</summary>
public sealed class SyslogSelfLogTests
{
    [Fact]
    public void Transport_errors_are_reported_through_selflog_at_most_once_per_minute()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("absent.sock");
        var lines = new List<string>();
        SelfLog.Enable(line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        });
        try
        {
            using var sink = new SyslogSink(new SyslogSinkOptions { Path = path, ReconnectMinDelay = TimeSpan.Zero, ReconnectMaxDelay = TimeSpan.Zero });
            for (int i = 0; i < 10; i++)
            {
                sink.Emit(LogEvents.Create("x"));
            }

            Assert.Equal(10, sink.Dropped);
        }
        finally
        {
            SelfLog.Disable();
        }

        string[] ours;
        lock (lines)
        {
            ours = lines.Where(l => l.Contains(path, StringComparison.Ordinal)).ToArray();
        }

        string report = Assert.Single(ours);
        Assert.Contains("Syslog sink unix:" + path + ": connect failed", report);
        Assert.Contains("1 message(s) dropped since the last report", report);
    }
}
