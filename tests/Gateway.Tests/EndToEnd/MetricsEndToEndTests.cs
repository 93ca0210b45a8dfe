using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Testing;
using Gateway.Tests.Metrics;

namespace Gateway.Tests.EndToEnd;

/// <summary>Gateway A's Prometheus endpoint while real calls and bad input go through the pair.</summary>
public sealed class MetricsEndToEndTests : IDisposable
{
    private const string Number = "4930123456";
    private readonly TempDirectory _directory = new("gw-metrics-");

    public void Dispose() => _directory.Dispose();

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sipp", name);

    private static string? Sample(string text, string series) => MetricsText.Sample(text, series);

    [Fact]
    public async Task A_call_and_a_malformed_request_show_in_the_counters_and_the_gauges_return_to_idle()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        int port = Sipp.FreePort(IPAddress.Loopback);
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(30));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999), metricsPortA: port);
        await pair.A.WaitForLinesAsync("event=metrics-listening");

        Sipp.Result caller = await Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: Number, timeout: TimeSpan.FromSeconds(30));
        Assert.True(caller.Succeeded, $"{caller}\n{pair.Output}");
        Assert.True((await callee.WaitAsync()).Succeeded, pair.Output);
        using (var udp = new UdpClient(AddressFamily.InterNetwork))
        {
            // A request line and no headers at all: nothing to answer it with, so it is dropped and counted.
            await udp.SendAsync(Encoding.ASCII.GetBytes("INVITE sip:x@127.0.0.1 SIP/2.0\r\n\r\n"), pair.SipA);
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string text = "";
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Sample(text, """sipisupgw_parse_errors_total{protocol="sip"}""") is null
            || Sample(text, """sipisupgw_active_calls{direction="sip-to-isup"}""") != "0")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            using HttpResponseMessage response = await http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            text = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal("1", Sample(text, """sipisupgw_call_attempts_total{direction="sip-to-isup"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_calls_total{direction="sip-to-isup",outcome="answered"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_releases_total{cause="16"}"""));
        // Counted as they arrive, before parsing: the malformed one too (it is also a parse error, below); and what
        // SIPp sent again or got again when an answer was late on a loaded machine.
        string Count(int expected, string message) => (expected + caller.Retransmissions(message)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Count(2, "INVITE"), Sample(text, """sipisupgw_messages_total{protocol="sip",direction="in",type="INVITE"}"""));
        // 200 to the INVITE and to the BYE.
        Assert.Equal(Count(2, "200"), Sample(text, """sipisupgw_messages_total{protocol="sip",direction="out",type="200"}"""));
        Assert.Equal(Count(1, "BYE"), Sample(text, """sipisupgw_messages_total{protocol="sip",direction="in",type="BYE"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_messages_total{protocol="isup",direction="out",type="IAM"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_messages_total{protocol="isup",direction="in",type="ANM"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_messages_total{protocol="isup",direction="in",type="GRA"}"""));
        Assert.NotNull(Sample(text, """sipisupgw_messages_total{protocol="m3ua",direction="out",type="DATA"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_parse_errors_total{protocol="sip"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_association_up{association="to-b"}"""));
        Assert.Equal("1", Sample(text, """sipisupgw_asp_state{association="to-b",state="active"}"""));
        Assert.Equal("31", Sample(text, """sipisupgw_circuits{dpc="2",state="idle"}"""));
        Assert.NotNull(Sample(text, "sipisupgw_calls_per_second"));
    }
}
