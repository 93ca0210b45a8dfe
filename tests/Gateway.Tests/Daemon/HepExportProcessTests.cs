using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Testing;

namespace Gateway.Tests.Daemon;

/// <summary>The daemon configured with <c>trace.hep</c> copies each SIP message it receives and sends to the collector.</summary>
public sealed class HepExportProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new("gw-hep-");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_OPTIONS_and_its_answer_reach_the_Homer_collector_as_HEPv3_that_tshark_decodes()
    {
        using var collector = new UdpReceiver();
        int sip = Sipp.FreePort(IPAddress.Loopback);
        string config = _directory.Combine("gateway.json");
        await File.WriteAllTextAsync(config, $$"""
            { "isup": { "opc": 1 },
              "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": {{sip}} } ] },
              "trace": { "hep": { "address": "127.0.0.1", "port": {{collector.Port}}, "captureId": 2001 } },
              "logging": { "syslog": [] }, "shutdown": { "drainSeconds": 1 } }
            """);
        using var daemon = DaemonProcess.Start(["run", "--config", config]);
        await daemon.WaitForLinesAsync("event=sip-listening");

        using (var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            int port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
            string options = $"OPTIONS sip:gw@127.0.0.1:{sip} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-hep-1\r\n" +
                $"Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:gw@127.0.0.1>\r\nCall-ID: hep-probe-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            await udp.SendAsync(Encoding.ASCII.GetBytes(options), new IPEndPoint(IPAddress.Loopback, sip));
        }

        byte[] first = await collector.ReceiveBytesAsync(TimeSpan.FromSeconds(10));
        byte[] second = await collector.ReceiveBytesAsync(TimeSpan.FromSeconds(10));
        var frames = Tshark.DecodeHep([first, second], "sip.Method", "sip.Status-Code", "sip.Call-ID");
        Assert.All(frames, f => Assert.True(!f.Malformed && f.MaxSeverity < Tshark.Warning, f.ToString()));
        Assert.Equal("OPTIONS", frames[0].Fields[0]);
        Assert.NotEqual("", frames[1].Fields[1]);
        Assert.All(frames, f => Assert.Equal("hep-probe-1", f.Fields[2]));
    }
}
