using System.Net;
using System.Text.Json;
using Gateway.Testing;

namespace Gateway.Tests.EndToEnd;

/// <summary>
/// The operator CLI against the running back-to-back pair, as an operator uses it: the real executable, each verb a
/// process, talking to the daemons' control sockets.
/// </summary>
public sealed class OperatorCliTests : IDisposable
{
    private const string Number = "4930123456";
    private readonly TempDirectory _directory = new("gw-cli-");

    public void Dispose() => _directory.Dispose();

    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sipp", name);

    private static async Task<JsonElement> Json(string socket, params string[] verb)
    {
        GatewayCli.Result result = await GatewayCli.RunAsync([.. verb, "--json", "--socket", socket]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static async Task<JsonElement> PollJson(string socket, Func<JsonElement, bool> until, params string[] verb)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            JsonElement reply = await Json(socket, verb);
            if (until(reply)) return reply;
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    private static JsonElement Circuit(JsonElement circuits, int cic)
    {
        foreach (JsonElement c in circuits.EnumerateArray())
        {
            if (c.GetProperty("cic").GetInt32() == cic) return c;
        }
        throw new InvalidOperationException($"no CIC {cic}");
    }

    [Fact]
    public async Task Status_shows_the_link_active_the_destination_available_and_every_circuit_idle_as_tables_and_as_json()
    {
        using var pair = await BackToBackPair.StartAsync(_directory, new IPEndPoint(IPAddress.Loopback, 5998), new IPEndPoint(IPAddress.Loopback, 5999));

        JsonElement status = await Json(pair.ControlA, "status");
        JsonElement link = status.GetProperty("associations")[0];
        Assert.Equal("to-b", link.GetProperty("name").GetString());
        Assert.Equal("up", link.GetProperty("link").GetString());
        Assert.Equal("asp-active", link.GetProperty("asp").GetString());
        Assert.Equal("as-active", link.GetProperty("as").GetString());
        JsonElement destination = status.GetProperty("destinations")[0];
        Assert.Equal(2, destination.GetProperty("dpc").GetInt32());
        Assert.Equal("available", destination.GetProperty("state").GetString());
        Assert.Equal(31, destination.GetProperty("circuits").GetProperty("idle").GetInt32());
        Assert.Equal(0, status.GetProperty("calls").GetProperty("active").GetInt32());
        Assert.Equal("gw-a", status.GetProperty("node").GetString());

        GatewayCli.Result table = await GatewayCli.RunAsync("status", "--socket", pair.ControlA);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("association", table.Output);
        Assert.Contains("to-b", table.Output);
        Assert.Contains("idle 31", table.Output);
        Assert.DoesNotContain("\u001b[", table.Output); // no colour codes into a pipe
    }

    [Fact]
    public async Task Block_unblock_and_reset_of_CIC_ranges_reach_the_peer_as_CGB_CGU_BLO_and_GRS()
    {
        using var pair = await BackToBackPair.StartAsync(_directory, new IPEndPoint(IPAddress.Loopback, 5998), new IPEndPoint(IPAddress.Loopback, 5999));

        JsonElement blocked = await Json(pair.ControlA, "block", "1-3");
        Assert.Equal("CGB", blocked.GetProperty("messages")[0].GetProperty("message").GetString());
        Assert.Equal("1-3", blocked.GetProperty("messages")[0].GetProperty("cics").GetString());
        await PollJson(pair.ControlB, c => Circuit(c, 3).GetProperty("blocking").GetString() == "remote-maintenance", "circuits");
        JsonElement ours = await Json(pair.ControlA, "circuits", "2");
        Assert.Equal("local-maintenance", Circuit(ours, 1).GetProperty("blocking").GetString());
        Assert.Equal("none", Circuit(ours, 4).GetProperty("blocking").GetString());

        JsonElement single = await Json(pair.ControlA, "block", "7", "--dpc", "2");
        Assert.Equal("BLO", single.GetProperty("messages")[0].GetProperty("message").GetString());
        await PollJson(pair.ControlB, c => Circuit(c, 7).GetProperty("blocking").GetString() == "remote-maintenance", "circuits");

        JsonElement unblocked = await Json(pair.ControlA, "unblock", "1-7");
        Assert.Equal("CGU", unblocked.GetProperty("messages")[0].GetProperty("message").GetString());
        await PollJson(pair.ControlB, c => Circuit(c, 1).GetProperty("blocking").GetString() == "none"
            && Circuit(c, 7).GetProperty("blocking").GetString() == "none", "circuits");

        int resets = pair.A.CountLines("event=reset-completed");
        JsonElement reset = await Json(pair.ControlA, "reset", "1-31");
        Assert.Equal("GRS", reset.GetProperty("messages")[0].GetProperty("message").GetString());
        Assert.True(reset.GetProperty("messages")[0].GetProperty("sent").GetBoolean());
        await pair.A.WaitForLinesAsync("event=reset-completed", resets + 1);
        Assert.Contains("event=operator-reset dpc=2 cics=1-31 message=GRS result=sent", pair.A.Output);

        GatewayCli.Result wrongDpc = await GatewayCli.RunAsync("block", "1", "--dpc", "99", "--socket", pair.ControlA);
        Assert.Equal(1, wrongDpc.ExitCode);
        Assert.Contains("no circuits toward DPC 99 (configured: 2)", wrongDpc.Errors);
        GatewayCli.Result badRange = await GatewayCli.RunAsync("reset", "9-2", "--socket", pair.ControlA);
        Assert.Equal(1, badRange.ExitCode);
    }

    [Fact]
    public async Task A_call_in_progress_is_listed_with_its_Call_ID_and_CIC_and_survives_a_reload_while_a_bad_file_is_refused()
    {
        Assert.True(Sipp.IsInstalled, "SIPp is missing: make test installs it (apt-get install sip-tester)");
        await using Sipp.Server callee = await Sipp.StartServerAsync(Scenario("uas-answer-late.xml"), IPAddress.Loopback,
            keys: new Dictionary<string, string> { ["service"] = Number }, timeout: TimeSpan.FromSeconds(30));
        using var pair = await BackToBackPair.StartAsync(_directory, callee.EndPoint, new IPEndPoint(IPAddress.Loopback, 5999));

        Task<Sipp.Result> caller = Sipp.RunClientAsync(Scenario("uac-call.xml"), pair.SipA, service: Number, timeout: TimeSpan.FromSeconds(30));
        JsonElement calls = await PollJson(pair.ControlA, c => c.GetArrayLength() == 1 && c[0].GetProperty("state").GetString() == "acm-received", "calls");
        JsonElement call = calls[0];
        Assert.Equal("sip-to-isup", call.GetProperty("direction").GetString());
        Assert.Equal(2, call.GetProperty("dpc").GetInt32());
        int cic = call.GetProperty("cic").GetInt32();
        Assert.InRange(cic, 1, 31);
        Assert.NotEqual("-", call.GetProperty("callId").GetString());
        JsonElement farCalls = await Json(pair.ControlB, "calls");
        Assert.Equal("isup-to-sip", farCalls[0].GetProperty("direction").GetString());
        Assert.Equal(cic, farCalls[0].GetProperty("cic").GetInt32());
        JsonElement circuits = await Json(pair.ControlA, "circuits");
        Assert.Equal("outgoing-alerting", Circuit(circuits, cic).GetProperty("state").GetString());
        Assert.Equal(1, (await Json(pair.ControlA, "status")).GetProperty("calls").GetProperty("sipToIsup").GetInt32());

        // A file with an error is refused whole, naming the file; the tables in force stay.
        string config = _directory.Combine("a.json");
        string good = await File.ReadAllTextAsync(config);
        await File.WriteAllTextAsync(config, good.Replace("\"sipToIsup\": [", "\"sipToIsup\": [ { \"prefix\": \"49\", \"circuitGroup\": \"nowhere\" },"));
        GatewayCli.Result refused = await GatewayCli.RunAsync("reload", "--socket", pair.ControlA);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("reload refused", refused.Errors);
        Assert.Contains("nowhere", refused.Errors);

        // A good file is taken while the call rings; the call goes on to its answer and its clearing.
        await File.WriteAllTextAsync(config, good.Replace("\"sipToIsup\": [", "\"sipToIsup\": [ { \"prefix\": \"4930\", \"circuitGroup\": \"to-b\" },"));
        JsonElement reloaded = await Json(pair.ControlA, "reload");
        Assert.Equal(2, reloaded.GetProperty("sipToIsupRoutes").GetInt32());

        Sipp.Result callerResult = await caller;
        Sipp.Result calleeResult = await callee.WaitAsync();
        Assert.True(callerResult.Succeeded, $"{callerResult}\n{pair.Output}");
        Assert.True(calleeResult.Succeeded, $"{calleeResult}\n{pair.Output}");
        Assert.Contains("event=reload result=refused", pair.A.Output);
        Assert.Contains("event=reload result=applied", pair.A.Output);
        await PollJson(pair.ControlA, c => c.GetArrayLength() == 0, "calls");
        GatewayCli.Result none = await GatewayCli.RunAsync("calls", "--socket", pair.ControlA);
        Assert.Contains("0 active calls", none.Output);
    }

    [Fact]
    public async Task Without_a_daemon_every_verb_says_so_in_one_line_and_exits_69()
    {
        foreach (string verb in (string[])["status", "calls", "circuits", "reload"])
        {
            GatewayCli.Result result = await GatewayCli.RunAsync(verb, "--socket", _directory.Combine("control.sock"));
            Assert.Equal(69, result.ExitCode);
            Assert.Empty(result.Output);
            Assert.Single(result.Errors.TrimEnd('\n').Split('\n'));
            Assert.Contains("is not running", result.Errors);
        }
    }
}
