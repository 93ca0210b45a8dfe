using System.Text;
using System.Text.RegularExpressions;
using Gateway.Logging;
using Gateway.Testing;
using Serilog;
using Serilog.Core;

namespace Gateway.Tests.Logging;

/// <summary>Through Serilog (<c>WriteTo.Syslog</c>, async wrapper included) to real sockets.</summary>
public sealed class SyslogSinkEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly Regex Rfc3164Local = new(
        @"^<134>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] sip-isup-gateway\[[0-9]+\]: ",
        RegexOptions.CultureInvariant);

    [Fact]
    public async Task Unix_datagram_rfc5424_line_arrives_well_formed()
    {
        using var dir = new TempDirectory();
        using var receiver = new UnixDatagramReceiver(dir.Combine("log.sock"));
        var options = new SyslogSinkOptions { Path = receiver.Path, Format = SyslogFormat.Rfc5424, Hostname = "gw1" };

        using (Logger logger = new LoggerConfiguration().WriteTo.Syslog(options).CreateLogger())
        {
            logger.ForContext("SourceContext", "Gateway.Host.Startup")
                .Information("event={Event} version={Version} config={Config}", "start", "0.1.0", "/etc/x.json");
        }

        byte[] datagram = await receiver.ReceiveBytesAsync(Timeout);

        Assert.Null(Rfc5424Validator.Validate(datagram));
        string line = Encoding.UTF8.GetString(datagram);
        Assert.StartsWith("<134>1 ", line);
        Assert.Contains($" gw1 sip-isup-gateway {Environment.ProcessId} Startup [gw@32473 ", line);
        Assert.EndsWith("] event=start version=0.1.0 config=/etc/x.json", line);
    }

    [Fact]
    public async Task Unix_datagram_defaults_to_the_local_rfc3164_form_without_hostname()
    {
        using var dir = new TempDirectory();
        using var receiver = new UnixDatagramReceiver(dir.Combine("log.sock"));
        var options = new SyslogSinkOptions { Path = receiver.Path, Hostname = "must-not-appear" };

        using (Logger logger = new LoggerConfiguration().WriteTo.Syslog(options).CreateLogger())
        {
            logger.Information("link {Link} up", "m3ua-1");
        }

        string line = await receiver.ReceiveAsync(Timeout);

        Assert.Matches(Rfc3164Local, line);
        Assert.EndsWith($"sip-isup-gateway[{Environment.ProcessId}]: link m3ua-1 up", line);
        Assert.DoesNotContain("must-not-appear", line);
    }

    [Fact]
    public async Task Udp_rfc5424_and_rfc3164_lines_arrive()
    {
        using var receiver = new UdpReceiver();
        var options5424 = new SyslogSinkOptions { Transport = SyslogTransport.Udp, Host = receiver.Host, Port = receiver.Port, Hostname = "gw1" };
        var options3164 = new SyslogSinkOptions { Transport = SyslogTransport.Udp, Host = receiver.Host, Port = receiver.Port, Hostname = "gw1", Format = SyslogFormat.Rfc3164 };

        using (Logger logger = new LoggerConfiguration().WriteTo.Syslog(options5424).CreateLogger())
        {
            logger.Warning("over {Transport}", "udp");
        }

        byte[] first = await receiver.ReceiveBytesAsync(Timeout);

        using (Logger logger = new LoggerConfiguration().WriteTo.Syslog(options3164).CreateLogger())
        {
            logger.Warning("over {Transport}", "udp");
        }

        string second = await receiver.ReceiveAsync(Timeout);

        Assert.Null(Rfc5424Validator.Validate(first));
        Assert.EndsWith("[gw@32473 Transport=\"udp\"] over udp", Encoding.UTF8.GetString(first));
        Assert.Matches(@"^<132>[A-Z][a-z]{2} [ 1-3][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} gw1 sip-isup-gateway\[[0-9]+\]: over udp$", second);
    }

    [Fact]
    public async Task Udp_datagrams_are_capped_at_2048_bytes_by_default()
    {
        using var receiver = new UdpReceiver();
        var options = new SyslogSinkOptions { Transport = SyslogTransport.Udp, Host = receiver.Host, Port = receiver.Port };

        using (Logger logger = new LoggerConfiguration().WriteTo.Syslog(options).CreateLogger())
        {
            logger.Information(new string('x', 5000));
        }

        byte[] datagram = await receiver.ReceiveBytesAsync(Timeout);

        Assert.Equal(2048, datagram.Length);
        Assert.Null(Rfc5424Validator.Validate(datagram));
    }

    [Fact]
    public async Task Tcp_octet_counted_frames_arrive_intact_and_in_order()
    {
        using var receiver = new TcpOctetCountingReceiver();
        var options = new SyslogSinkOptions { Transport = SyslogTransport.Tcp, Host = receiver.Host, Port = receiver.Port };
        string[] payloads = ["plain", "ünïcödé €", "two\nlines", "with ] and \" and \\", "😀", new string('y', 3000)];
        const int count = 60;

        using (Logger logger = new LoggerConfiguration().WriteTo.Syslog(options, out SyslogSink sink).CreateLogger())
        {
            for (int i = 0; i < count; i++)
            {
                logger.Information("n={N} p={P}", i, payloads[i % payloads.Length]);
            }

            await SinkCounters.WaitUntilAsync(sink, s => s.Sent == count);
            Assert.Equal(0, sink.Dropped);
        }

        for (int i = 0; i < count; i++)
        {
            string message = await receiver.ReceiveAsync(Timeout);
            string payload = payloads[i % payloads.Length].Replace('\n', ' ');
            Assert.Null(Rfc5424Validator.Validate(Encoding.UTF8.GetBytes(message)));
            Assert.EndsWith($" n={i} p={payload}", message);
        }

        Assert.Equal(1, receiver.AcceptedConnections);
    }
}
