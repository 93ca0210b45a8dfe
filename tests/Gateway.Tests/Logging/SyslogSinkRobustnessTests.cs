using Gateway.Logging;
using Gateway.Testing;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Gateway.Tests.Logging;

/// <summary>Missing or restarting receivers: no throw, no blocking, drops counted, recovery.</summary>
public sealed class SyslogSinkRobustnessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Unix_socket_missing_then_appearing_drops_then_delivers()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("log.sock");

        // No back-off, so the first event after the socket appears connects.
        var options = new SyslogSinkOptions { Path = path, ReconnectMinDelay = TimeSpan.Zero, ReconnectMaxDelay = TimeSpan.Zero };
        using Logger logger = new LoggerConfiguration().WriteTo.Syslog(options, out SyslogSink sink).CreateLogger();

        for (int i = 0; i < 3; i++)
        {
            logger.Information("lost {N}", i); // returns: the async wrapper never blocks
        }

        await SinkCounters.WaitUntilAsync(sink, s => s.Dropped == 3);
        Assert.Equal(0, sink.Sent);

        using var receiver = new UnixDatagramReceiver(path);
        logger.Information("delivered");

        Assert.EndsWith("]: delivered", await receiver.ReceiveAsync(Timeout));
        Assert.Equal(1, sink.Sent);
    }

    [Fact]
    public async Task Unix_socket_recreated_like_a_journald_restart_is_reconnected()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("log.sock");
        var options = new SyslogSinkOptions { Path = path };
        using Logger logger = new LoggerConfiguration().WriteTo.Syslog(options, out SyslogSink sink).CreateLogger();

        using (var first = new UnixDatagramReceiver(path))
        {
            logger.Information("before restart");
            Assert.EndsWith("]: before restart", await first.ReceiveAsync(Timeout));
        }

        using var second = new UnixDatagramReceiver(path);
        logger.Information("after restart");

        Assert.EndsWith("]: after restart", await second.ReceiveAsync(Timeout));
        await SinkCounters.WaitUntilAsync(sink, s => s.Sent == 2);
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public async Task Full_receiver_queue_drops_without_blocking()
    {
        using var dir = new TempDirectory();
        using var receiver = new UnixDatagramReceiver(dir.Combine("log.sock")); // never read until the end
        using var sink = new SyslogSink(new SyslogSinkOptions { Path = receiver.Path });
        LogEvent e = LogEvents.Create(new string('q', 4000));

        // Emit directly (no async wrapper): with a blocking socket this would hang once the queue fills.
        Task flood = Task.Run(() =>
        {
            while (sink.Dropped == 0)
            {
                sink.Emit(e);
            }
        });
        await flood.WaitAsync(Timeout);

        Assert.True(sink.Sent > 0);
        Assert.True(sink.Dropped > 0);
        Assert.EndsWith(new string('q', 100), await receiver.ReceiveAsync(Timeout));
    }

    [Fact]
    public async Task Tcp_refused_then_listening_drops_then_delivers()
    {
        int port;
        using (var probe = new TcpOctetCountingReceiver())
        {
            port = probe.Port; // free port, closed again: connections are refused
        }

        var options = new SyslogSinkOptions
        {
            Transport = SyslogTransport.Tcp,
            Host = "127.0.0.1",
            Port = port,
            ReconnectMinDelay = TimeSpan.Zero,
            ReconnectMaxDelay = TimeSpan.Zero,
        };
        using Logger logger = new LoggerConfiguration().WriteTo.Syslog(options, out SyslogSink sink).CreateLogger();

        for (int i = 0; i < 3; i++)
        {
            logger.Information("lost {N}", i);
        }

        await SinkCounters.WaitUntilAsync(sink, s => s.Dropped == 3);

        using var receiver = new TcpOctetCountingReceiver(port);
        logger.Information("delivered {N}", 1);
        logger.Information("delivered {N}", 2);

        Assert.EndsWith("delivered 1", await receiver.ReceiveAsync(Timeout));
        Assert.EndsWith("delivered 2", await receiver.ReceiveAsync(Timeout));
        Assert.Equal(3, sink.Dropped);
    }

    [Fact]
    public async Task Tcp_connection_dropped_by_the_server_is_reestablished()
    {
        using var receiver = new TcpOctetCountingReceiver();
        var options = new SyslogSinkOptions { Transport = SyslogTransport.Tcp, Host = receiver.Host, Port = receiver.Port };
        using Logger logger = new LoggerConfiguration().WriteTo.Syslog(options, out SyslogSink sink).CreateLogger();

        logger.Information("first");
        Assert.EndsWith(" first", await receiver.ReceiveAsync(Timeout));

        receiver.DropConnections();

        // The closed connection is noticed before the next send and a new one is opened at once.
        // If the server's FIN has not reached us yet, that event is lost to the RST; the next one
        // then reconnects. Either way a later event must arrive on a second connection.
        string? received = null;
        for (int i = 0; i < 5 && received is null; i++)
        {
            logger.Information("again {N}", i);
            try
            {
                received = await receiver.ReceiveAsync(TimeSpan.FromSeconds(2));
            }
            catch (OperationCanceledException)
            {
            }
        }

        Assert.NotNull(received);
        Assert.Contains(" again ", received);
        Assert.Equal(2, receiver.AcceptedConnections);
    }

    [Fact]
    public async Task Reconnect_attempts_back_off_exponentially()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("log.sock");
        var clock = new FixedTimeProvider(LogEvents.DefaultTimestamp, manualTimestamps: true);
        using var sink = new SyslogSink(new SyslogSinkOptions
        {
            Path = path,
            TimeProvider = clock,
            ReconnectMinDelay = TimeSpan.FromSeconds(1),
            ReconnectMaxDelay = TimeSpan.FromSeconds(4),
        });

        sink.Emit(LogEvents.Create("t0"));           // connect fails: next attempt at t=1 s
        clock.Advance(TimeSpan.FromSeconds(1));
        sink.Emit(LogEvents.Create("t1"));           // fails again: next attempt at t=1+2 s
        using var receiver = new UnixDatagramReceiver(path);
        clock.Advance(TimeSpan.FromSeconds(1));
        sink.Emit(LogEvents.Create("t2"));           // receiver exists, but still backing off: dropped
        Assert.Equal(3, sink.Dropped);
        Assert.Equal(0, sink.Sent);

        clock.Advance(TimeSpan.FromSeconds(1));
        sink.Emit(LogEvents.Create("t3"));           // t=3 s: connects

        Assert.EndsWith("]: t3", await receiver.ReceiveAsync(Timeout));
        Assert.Equal(1, sink.Sent);
    }

    [Fact]
    public void Emit_never_throws_and_returns_when_nothing_listens()
    {
        using var dir = new TempDirectory();
        int port;
        using (var probe = new TcpOctetCountingReceiver())
        {
            port = probe.Port;
        }

        using var unix = new SyslogSink(new SyslogSinkOptions { Path = dir.Combine("absent.sock") });
        using var tcp = new SyslogSink(new SyslogSinkOptions { Transport = SyslogTransport.Tcp, Host = "127.0.0.1", Port = port });
        LogEvent e = LogEvents.Create("nobody hears this");

        for (int i = 0; i < 5; i++)
        {
            unix.Emit(e);
            tcp.Emit(e);
        }

        Assert.Equal(5, unix.Dropped);
        Assert.Equal(5, tcp.Dropped);
        Assert.Equal(0, unix.Sent + tcp.Sent);
    }

    [Fact]
    public void A_property_whose_ToString_throws_drops_the_line_only()
    {
        using var dir = new TempDirectory();
        using var receiver = new UnixDatagramReceiver(dir.Combine("log.sock"));
        using var sink = new SyslogSink(new SyslogSinkOptions { Path = receiver.Path });

        sink.Emit(LogEvents.Create("{X}", properties: [("X", new Throwing())]));

        Assert.Equal(1, sink.Dropped);
    }

    [Fact]
    public void Disposed_sink_ignores_events()
    {
        using var dir = new TempDirectory();
        var sink = new SyslogSink(new SyslogSinkOptions { Path = dir.Combine("log.sock") });
        sink.Dispose();

        sink.Emit(LogEvents.Create("late"));
        sink.Dispose();

        Assert.Equal(0, sink.Sent + sink.Dropped);
    }

    [Fact]
    public void Invalid_options_fail_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new SyslogSink(new SyslogSinkOptions { Transport = SyslogTransport.Tcp }));
        Assert.Throws<ArgumentException>(() => new SyslogSink(new SyslogSinkOptions { Transport = SyslogTransport.Udp, Host = "h", Port = 0 }));
        Assert.Throws<ArgumentException>(() => new SyslogSink(new SyslogSinkOptions { MaxMessageBytes = 100 }));
        Assert.Throws<ArgumentException>(() => new SyslogSink(new SyslogSinkOptions { Facility = (SyslogFacility)24 }));
        Assert.Throws<ArgumentException>(() => new SyslogSink(new SyslogSinkOptions { Path = "" }));
    }

    private sealed class Throwing : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => throw new InvalidOperationException("no");

        public override string ToString() => throw new InvalidOperationException("no");
    }
}
