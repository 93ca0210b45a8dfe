using System.Net;
using Gateway.Testing;
using Gateway.Tests.Metrics;

namespace Gateway.Tests.EndToEnd;

/// <summary>
/// Calls beyond a gateway's overload limit, through the running pair: refused at once and recognisably (SIP 503 with
/// Retry-After and Reason cause 42; ISUP REL cause 42 with the automatic congestion level), while the admitted calls
/// complete normally and the gateway takes calls again as soon as the burst is over.
/// </summary>
public sealed class OverloadTests : IDisposable
{
    private const string Number = "4930123456";
    private readonly TempDirectory _directory = new("gw-overload-");

    public void Dispose() => _directory.Dispose();

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sipp", name);

    private static async Task<long> Counter(HttpClient http, string series) =>
        MetricsText.Sample(await http.GetStringAsync("/metrics"), series) is string value ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public async Task A_burst_of_INVITEs_beyond_the_rate_gets_503_with_Retry_After_and_cause_42_and_every_admitted_call_completes()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        int metrics = Sipp.FreePort(IPAddress.Loopback);
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback, calls: 1000,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(60));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999),
            metricsPortA: metrics, extraA: new BackToBackPair.Extra(Sections: """ "overload": { "maxCallsPerSecond": 5, "retryAfterSeconds": 5 }, """));
        await pair.A.WaitForLinesAsync("event=metrics-listening");

        // 30 calls in about 0.3 s: the bucket holds 5, and refills 5 a second.
        Sipp.Result burst = await Sipp.RunClientAsync(Scenario("uac-overload.xml"), pair.SipA, service: Number, calls: 30, concurrent: 30,
            extra: ["-r", "100"], timeout: TimeSpan.FromSeconds(40));
        Assert.True(burst.Succeeded, $"{burst}\n{pair.Output}");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metrics}") };
        long refused = await Counter(http, """sipisupgw_calls_total{direction="sip-to-isup",outcome="refused"}""");
        long answered = await Counter(http, """sipisupgw_calls_total{direction="sip-to-isup",outcome="answered"}""");
        Assert.InRange(answered, 5, 12);
        Assert.Equal(30, answered + refused);
        Assert.Contains("event=overload dir=sip-to-isup level=1 limit=maxCallsPerSecond cause=42 retry-after=5", pair.A.Output);

        // The burst over, calls are admitted at once again.
        Sipp.Result after = await Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: Number, timeout: TimeSpan.FromSeconds(20));
        Assert.True(after.Succeeded, $"{after}\n{pair.Output}");

        // An operator lifts the limit with reload, no restart: the same burst is admitted whole.
        string config = _directory.Combine("a.json");
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"maxCallsPerSecond\": 5", "\"maxCallsPerSecond\": 1000"));
        GatewayCli.Result reloaded = await GatewayCli.RunAsync("reload", "--socket", pair.ControlA);
        Assert.True(reloaded.ExitCode == 0, reloaded.ToString());
        Assert.Contains("overload", reloaded.Output);
        Sipp.Result lifted = await Sipp.RunClientAsync(Scenario("uac-overload.xml"), pair.SipA, service: Number, calls: 30, concurrent: 30,
            extra: ["-r", "100"], timeout: TimeSpan.FromSeconds(40));
        Assert.True(lifted.Succeeded, $"{lifted}\n{pair.Output}");
        Assert.Equal(refused, await Counter(http, """sipisupgw_calls_total{direction="sip-to-isup",outcome="refused"}"""));
        Assert.Contains("event=reload result=applied", pair.A.Output);
        Assert.Contains("max-calls-per-second=1000", pair.A.Output);
    }

    [Fact]
    public async Task IAMs_beyond_the_far_gateways_rate_are_released_with_cause_42_and_the_automatic_congestion_level()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback, calls: 1000,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(60));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999),
            extraB: new BackToBackPair.Extra(Sections: """ "overload": { "maxCallsPerSecond": 3 }, """));
        string trace = _directory.Combine("b.pcapng");
        GatewayCli.Result started = await GatewayCli.RunAsync("trace", "start", trace, "--socket", pair.ControlB);
        Assert.Equal(0, started.ExitCode);

        Sipp.Result burst = await Sipp.RunClientAsync(Scenario("uac-answered-or-refused.xml"), pair.SipA, service: Number, calls: 15, concurrent: 15,
            extra: ["-r", "100"], timeout: TimeSpan.FromSeconds(40));
        Assert.True(burst.Succeeded, $"{burst}\n{pair.Output}");
        await GatewayCli.RunAsync("trace", "stop", "--socket", pair.ControlB);

        var rels = Tshark.DecodeFile(trace, [], "isup.message_type", "isup.cause_indicator", "isup.automatic_congestion_level")
            .Where(f => f.Fields[0] == "12").ToList();
        var congested = rels.Where(f => f.Fields[1] == "42").ToList();
        Assert.InRange(congested.Count, 8, 12);
        Assert.All(congested, f => Assert.Equal("1", f.Fields[2]));
        Assert.All(congested, f => Assert.False(f.Malformed, f.ToString()));
        Assert.Contains("event=overload dir=isup-to-sip level=1", pair.B.Output);
        // Gateway A maps the REL to the PBX as RFC 3398 says: 503 with Reason cause 42.
        Assert.True(DaemonProcess.CountLines(pair.A.Output, "cause=42") >= congested.Count, pair.Output);
    }
}
