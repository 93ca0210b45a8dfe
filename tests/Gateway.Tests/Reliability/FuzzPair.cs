using System.Net;
using System.Text.Json;
using Gateway.Testing;
using Gateway.Testing.Fuzzing;

namespace Gateway.Tests.Reliability;

/// <summary>
/// The back-to-back pair of <see cref="EndToEnd.BackToBackPair"/>, set up to be fuzzed while real calls go through it:
/// gateway A also listens for SIP over TCP and runs short SIP timers (a fuzzed transaction that is never ACKed is gone
/// in 3 s, not 32); gateway B has a second M3UA association, <c>from-fuzz</c>, for a peer with point code 3 (the
/// fuzzer, <see cref="M3uaPeerFuzzer"/>) that owns its own circuits 1–31, and sends to SIP only calls to the number
/// the legitimate calls dial, so that no fuzzed IAM ever rings the legitimate callee (they are refused with cause 3).
/// </summary>
internal sealed class FuzzPair : IDisposable
{
    public const string Number = "4930123456";
    public const uint FuzzPointCode = 3;
    public const uint RoutingContext = 7;

    private FuzzPair(DaemonProcess a, DaemonProcess b, IPEndPoint sipA, int m3uaFuzzPort, TempDirectory directory)
    {
        A = a;
        B = b;
        SipA = sipA;
        M3uaFuzzPort = m3uaFuzzPort;
        ControlA = Path.Combine(directory.Combine("run-a"), "control.sock");
        ControlB = Path.Combine(directory.Combine("run-b"), "control.sock");
    }

    public DaemonProcess A { get; }
    public DaemonProcess B { get; }

    /// <summary>Gateway A's SIP port, on UDP and on TCP.</summary>
    public IPEndPoint SipA { get; }

    /// <summary>Gateway B's M3UA port for the fuzzing peer (point code 3) from 127.0.0.1.</summary>
    public int M3uaFuzzPort { get; }

    public string ControlA { get; }
    public string ControlB { get; }

    public static async Task<FuzzPair> StartAsync(TempDirectory directory, IPEndPoint uas)
    {
        int m3ua = Sipp.FreePort(IPAddress.Loopback);
        int m3uaFuzz = Sipp.FreePort(IPAddress.Loopback);
        var sipA = new IPEndPoint(IPAddress.Loopback, Sipp.FreePort(IPAddress.Loopback));
        int sipB = Sipp.FreePort(IPAddress.Loopback);
        string configB = Write(directory, "b.json", $$"""
            {
              "node": { "name": "gw-b" },
              "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": {{sipB}} } ],
                       "trunks": [ { "name": "pstn-uas", "transport": "udp", "address": "127.0.0.1", "port": {{uas.Port}}, "sources": ["127.0.0.1"] } ] },
              "m3ua": { "associations": [
                { "name": "from-a", "transport": "tcp", "role": "ipsp", "mode": "server",
                  "localAddress": "127.0.0.1", "localPort": {{m3ua}}, "remoteAddress": "127.0.0.1", "routingContext": 1 },
                { "name": "from-fuzz", "transport": "tcp", "role": "ipsp", "mode": "server",
                  "localAddress": "127.0.0.1", "localPort": {{m3uaFuzz}}, "remoteAddress": "127.0.0.1", "routingContext": {{RoutingContext}} } ] },
              "isup": { "opc": 2, "networkIndicator": "national",
                "circuitGroups": [ { "name": "to-a", "dpc": 1, "association": "from-a", "cics": ["1-31"] },
                                   { "name": "to-fuzz", "dpc": {{FuzzPointCode}}, "association": "from-fuzz", "cics": ["1-31"] } ] },
              "routing": { "sipToIsup": [ { "prefix": "", "circuitGroup": "to-a" } ],
                           "isupToSip": [ { "prefix": "{{Number}}", "trunk": "pstn-uas" }, { "prefix": "+{{Number}}", "trunk": "pstn-uas" } ] },
              "logging": { "syslog": [] },
              "shutdown": { "drainSeconds": 1 }
            }
            """);
        string configA = Write(directory, "a.json", $$"""
            {
              "node": { "name": "gw-a" },
              "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": {{sipA.Port}} },
                                   { "transport": "tcp", "address": "127.0.0.1", "port": {{sipA.Port}} } ],
                       "timers": { "t1Ms": 50, "t4Ms": 500 },
                       "trunks": [ { "name": "pbx", "transport": "udp", "address": "127.0.0.1", "port": 5999, "sources": ["127.0.0.1"] } ] },
              "m3ua": { "associations": [ { "name": "to-b", "transport": "tcp", "role": "ipsp", "mode": "client",
                "remoteAddress": "127.0.0.1", "remotePort": {{m3ua}}, "routingContext": 1 } ] },
              "isup": { "opc": 1, "networkIndicator": "national",
                "circuitGroups": [ { "name": "to-b", "dpc": 2, "association": "to-b", "cics": ["1-31"] } ] },
              "routing": { "sipToIsup": [ { "prefix": "", "circuitGroup": "to-b" } ], "isupToSip": [ { "prefix": "", "trunk": "pbx" } ] },
              "logging": { "syslog": [] },
              "shutdown": { "drainSeconds": 1 }
            }
            """);

        var b = DaemonProcess.Start(["run", "--config", configB], RuntimeDirectory(directory, "b"));
        DaemonProcess? a = null;
        try
        {
            await b.WaitForLinesAsync("event=association-configured association=from-fuzz");
            a = DaemonProcess.Start(["run", "--config", configA], RuntimeDirectory(directory, "a"));
            await a.WaitForLinesAsync("event=reset-completed");
            await b.WaitForLinesAsync("event=reset-completed");
            return new FuzzPair(a, b, sipA, m3uaFuzz, directory);
        }
        catch
        {
            a?.Dispose();
            b.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Each gateway's own runtime directory (its control socket), and a GC heap limit: 64 MB, or FUZZ_HEAP_LIMIT (hex
    /// bytes, as DOTNET_GCHeapHardLimit takes it). Without one, the runtime lets gen2 grow for minutes under this load
    /// before it collects (B, its ASP deactivated and activated again 47 times a second: +1.4 MB/s, linear for 60 s;
    /// with a 48 MB limit the same load stays flat at 62 MB RSS), so VmRSS would measure the GC's patience, not what
    /// the gateway keeps. With the limit, what is kept is what is measured, and a real leak ends in
    /// OutOfMemoryException, which the tests see.
    /// </summary>
    private static Dictionary<string, string?> RuntimeDirectory(TempDirectory directory, string gateway)
    {
        string path = directory.Combine("run-" + gateway);
        Directory.CreateDirectory(path);
        return new Dictionary<string, string?>
        {
            ["RUNTIME_DIRECTORY"] = path,
            ["DOTNET_GCHeapHardLimit"] = Environment.GetEnvironmentVariable("FUZZ_HEAP_LIMIT") is { Length: > 0 } limit ? limit : "0x4000000",
        };
    }

    private static string Write(TempDirectory directory, string name, string json)
    {
        string path = directory.Combine(name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The gateway's <c>status --json</c>, or null with the CLI's answer when it did not answer.</summary>
    public static async Task<(JsonElement? Status, string Answer)> StatusAsync(string socket)
    {
        GatewayCli.Result result = await GatewayCli.RunAsync("status", "--json", "--socket", socket);
        if (result.ExitCode != 0) return (null, result.ToString());
        return (JsonDocument.Parse(result.Output).RootElement.Clone(), result.Output);
    }

    /// <summary>
    /// Whether a status shows no call and every circuit idle and unblocked (or unavailable, on a destination that is
    /// unavailable: B's fuzzing peer when it is not connected).
    /// </summary>
    public static bool Quiet(JsonElement status)
    {
        if (status.GetProperty("calls").GetProperty("active").GetInt32() != 0) return false;
        foreach (JsonElement destination in status.GetProperty("destinations").EnumerateArray())
        {
            bool unavailable = destination.GetProperty("state").GetString() == "unavailable";
            foreach (JsonProperty state in destination.GetProperty("circuits").EnumerateObject())
            {
                if (state.Name == "idle" || (unavailable && state.Name == "unavailable")) continue;
                if (state.Value.GetInt32() != 0) return false;
            }
        }

        return true;
    }

    /// <summary>Whether a status shows the destination <paramref name="dpc"/> available.</summary>
    public static bool Available(JsonElement status, uint dpc) =>
        status.GetProperty("destinations").EnumerateArray().Any(d => d.GetProperty("dpc").GetUInt32() == dpc && d.GetProperty("state").GetString() == "available");

    public string Output => $"--- gateway A\n{A.Output}\n--- gateway B\n{B.Output}";

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
