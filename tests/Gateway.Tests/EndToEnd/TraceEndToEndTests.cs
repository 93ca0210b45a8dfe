using System.Net;
using System.Text.Json;
using Gateway.Testing;

namespace Gateway.Tests.EndToEnd;

/// <summary>The operator's signalling trace of a real call through the pair, read back by Wireshark.</summary>
public sealed class TraceEndToEndTests : IDisposable
{
    private const string Number = "4930123456";
    private readonly TempDirectory _directory = new("gw-trace-");

    public void Dispose() => _directory.Dispose();

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sipp", name);

    private static async Task<JsonElement> Cli(string socket, params string[] verb)
    {
        GatewayCli.Result result = await GatewayCli.RunAsync([.. verb, "--json", "--socket", socket]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    // The call is over for the trace once its circuit is idle again: the RLC came back.
    private static async Task AllIdle(string socket)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await Cli(socket, "status")).GetProperty("destinations")[0].GetProperty("circuits").GetProperty("idle").GetInt32() != 31)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    private static List<string> WithoutRepeats(IEnumerable<string> values)
    {
        var kept = new List<string>();
        foreach (string value in values)
        {
            if (kept.Count == 0 || kept[^1] != value) kept.Add(value);
        }
        return kept;
    }

    [Fact]
    public async Task A_traced_call_decodes_in_tshark_on_both_sides_and_a_DPC_filter_keeps_only_its_ISUP()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-answer.xml"), IPAddress.Loopback, calls: 2,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(40));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999));

        string everything = _directory.Combine("call.pcapng");
        JsonElement started = await Cli(pair.ControlA, "trace", "start", everything);
        Assert.Equal("tracing", started.GetProperty("state").GetString());
        Sipp.Result first = await Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: Number, timeout: TimeSpan.FromSeconds(30));
        Assert.True(first.Succeeded, $"{first}\n{pair.Output}");
        await AllIdle(pair.ControlA);
        JsonElement stopped = await Cli(pair.ControlA, "trace", "stop");
        Assert.Equal("stopped", stopped.GetProperty("state").GetString());
        Assert.True(stopped.GetProperty("written").GetInt64() >= 12);
        Assert.Equal(0, stopped.GetProperty("dropped").GetInt64());

        var frames = Tshark.DecodeFile(everything, ["-o", "sctp.checksum:crc-32c"], "sip.Method", "sip.Status-Code", "isup.message_type", "m3ua.protocol_data_opc", "sip.CSeq.method");
        Assert.All(frames, f => Assert.True(!f.Malformed && f.MaxSeverity < Tshark.Warning, f.ToString()));
        // On a loaded machine SIPp or the gateway may send a request or a 200 again before the answer comes: the
        // trace shows such retransmissions as repeats, which say nothing about the call's flow.
        var methods = WithoutRepeats(frames.Select(f => f.Fields[0]).Where(m => m.Length > 0));
        var answers = frames.Where(f => f.Fields[1].Length > 0).Select(f => (f.Fields[1], f.Fields[4])).ToHashSet();
        var isup = frames.Select(f => f.Fields[2]).Where(t => t.Length > 0).ToList();
        Assert.Equal(["INVITE", "ACK", "BYE"], methods);
        Assert.Contains(("180", "INVITE"), answers);
        Assert.Contains(("200", "INVITE"), answers);
        Assert.Contains(("200", "BYE"), answers);
        // IAM, ACM, ANM, REL, RLC: the call's ISUP in order (the GRS/GRA of the start came before the trace).
        Assert.Equal(["1", "6", "9", "12", "16"], isup);

        // Filtered by the DPC: the second call's ISUP only, none of its SIP.
        string filtered = _directory.Combine("dpc2.pcapng");
        await Cli(pair.ControlA, "trace", "start", filtered, "--dpc", "2");
        Sipp.Result second = await Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: Number, timeout: TimeSpan.FromSeconds(30));
        Assert.True(second.Succeeded, $"{second}\n{pair.Output}");
        await AllIdle(pair.ControlA);
        JsonElement filteredStop = await Cli(pair.ControlA, "trace", "stop");
        Assert.True(filteredStop.GetProperty("filteredOut").GetInt64() >= 6);
        var isupOnly = Tshark.DecodeFile(filtered, [], "sip.Method", "isup.message_type");
        Assert.Equal(["1", "6", "9", "12", "16"], isupOnly.Select(f => f.Fields[1]));
        Assert.All(isupOnly, f => Assert.Equal("", f.Fields[0]));

        GatewayCli.Result again = await GatewayCli.RunAsync("trace", "stop", "--socket", pair.ControlA);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no trace is running", again.Errors);
        Assert.Contains($"event=trace-started path={everything}", pair.A.Output);
    }
}
