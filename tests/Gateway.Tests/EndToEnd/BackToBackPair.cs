using System.Net;
using Gateway.Testing;

namespace Gateway.Tests.EndToEnd;

/// <summary>
/// The back-to-back example on free loopback ports: gateway A faces the PBX (SIPp as caller), gateway B stands in for
/// the PSTN switch and sends every call to <c>uas</c> (SIPp as callee); they are joined by M3UA over TCP. Started, it
/// has its association active and each side's circuits reset, so a call can go at once.
/// </summary>
internal sealed class BackToBackPair : IDisposable
{
    private BackToBackPair(DaemonProcess a, DaemonProcess b, IPEndPoint sipA, IPEndPoint sipB, int m3uaPort, TempDirectory directory)
    {
        ControlA = ControlSocket(directory, "a");
        ControlB = ControlSocket(directory, "b");
        M3uaPort = m3uaPort;
        A = a;
        B = b;
        SipA = sipA;
        SipB = sipB;
    }

    /// <summary>Gateway A (SIP → ISUP), facing the PBX.</summary>
    public DaemonProcess A { get; }

    /// <summary>Gateway B (ISUP → SIP), standing in for the PSTN.</summary>
    public DaemonProcess B { get; }

    /// <summary>Where the PBX (SIPp UAC) sends its INVITEs.</summary>
    public IPEndPoint SipA { get; }

    public IPEndPoint SipB { get; }

    /// <summary>Gateway A's control socket, for the operator CLI's <c>--socket</c>.</summary>
    public string ControlA { get; }

    public string ControlB { get; }

    /// <summary>The TCP port of the M3UA association between them (gateway B listens on it).</summary>
    public int M3uaPort { get; }

    /// <param name="cics">The circuits between them, as the configuration writes them.</param>
    /// <param name="metricsPortA">Gateway A's Prometheus port on 127.0.0.1; null leaves metrics off, as by default.</param>
    /// <param name="sectionsA">Further top-level configuration members for gateway A (<c>"overload": {...},</c>), each ending with a comma.</param>
    /// <param name="sectionsB">The same for gateway B.</param>
    public static async Task<BackToBackPair> StartAsync(
        TempDirectory directory, IPEndPoint uas, IPEndPoint pbx, string cics = "1-31", int? metricsPortA = null, string sectionsA = "", string sectionsB = "")
    {
        int m3ua = Sipp.FreePort(IPAddress.Loopback);
        var sipA = new IPEndPoint(IPAddress.Loopback, Sipp.FreePort(IPAddress.Loopback));
        var sipB = new IPEndPoint(IPAddress.Loopback, Sipp.FreePort(IPAddress.Loopback));
        var b = DaemonProcess.Start(["run", "--config", ConfigB(directory, sipB, uas, m3ua, cics, sectionsB)], RuntimeDirectory(directory, "b"));
        DaemonProcess? a = null;
        try
        {
            await b.WaitForLinesAsync("event=association-configured");
            a = DaemonProcess.Start(["run", "--config", ConfigA(directory, sipA, pbx, m3ua, cics, metricsPortA, sectionsA)], RuntimeDirectory(directory, "a"));
            await a.WaitForLinesAsync("event=reset-completed");
            await b.WaitForLinesAsync("event=reset-completed");
            return new BackToBackPair(a, b, sipA, sipB, m3ua, directory);
        }
        catch
        {
            a?.Dispose();
            b.Dispose();
            throw;
        }
    }

    /// <summary>Gateway A alone, its M3UA peer absent: the DPC stays unavailable.</summary>
    public static async Task<DaemonProcess> StartAloneAsync(TempDirectory directory, IPEndPoint sipA, IPEndPoint pbx)
    {
        var a = DaemonProcess.Start(["run", "--config", ConfigA(directory, sipA, pbx, Sipp.FreePort(IPAddress.Loopback), "1-31")],
            RuntimeDirectory(directory, "a"));
        try
        {
            await a.WaitForLinesAsync("event=sip-listening");
            return a;
        }
        catch
        {
            a.Dispose();
            throw;
        }
    }

    private static string ConfigB(TempDirectory directory, IPEndPoint sipB, IPEndPoint uas, int m3ua, string cics, string sections = "") => Write(directory, "b.json", $$"""
        {
          "node": { "name": "gw-b" },
          "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": {{sipB.Port}} } ],
                   "trunks": [ { "name": "pstn-uas", "transport": "udp", "address": "127.0.0.1", "port": {{uas.Port}}, "sources": ["127.0.0.1"] } ] },
          "m3ua": { "associations": [ { "name": "from-a", "transport": "tcp", "role": "ipsp", "mode": "server",
            "localAddress": "127.0.0.1", "localPort": {{m3ua}}, "remoteAddress": "127.0.0.1", "routingContext": 1 } ] },
          "isup": { "opc": 2, "networkIndicator": "national",
            "circuitGroups": [ { "name": "to-a", "dpc": 1, "association": "from-a", "cics": ["{{cics}}"] } ] },
          "routing": { "sipToIsup": [ { "prefix": "", "circuitGroup": "to-a" } ], "isupToSip": [ { "prefix": "", "trunk": "pstn-uas" } ] },
          {{sections}}
          "logging": { "syslog": [] },
          "shutdown": { "drainSeconds": 1 }
        }
        """);

    private static string ConfigA(TempDirectory directory, IPEndPoint sipA, IPEndPoint pbx, int m3ua, string cics, int? metricsPort = null, string sections = "") => Write(directory, "a.json", $$"""
        {
          "node": { "name": "gw-a" },
          "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": {{sipA.Port}} } ],
                   "trunks": [ { "name": "pbx", "transport": "udp", "address": "127.0.0.1", "port": {{pbx.Port}}, "sources": ["127.0.0.1"] } ] },
          "m3ua": { "associations": [ { "name": "to-b", "transport": "tcp", "role": "ipsp", "mode": "client",
            "remoteAddress": "127.0.0.1", "remotePort": {{m3ua}}, "routingContext": 1 } ] },
          "isup": { "opc": 1, "networkIndicator": "national",
            "circuitGroups": [ { "name": "to-b", "dpc": 2, "association": "to-b", "cics": ["{{cics}}"] } ] },
          "routing": { "sipToIsup": [ { "prefix": "", "circuitGroup": "to-b" } ], "isupToSip": [ { "prefix": "", "trunk": "pbx" } ] },
          {{(metricsPort is int port ? $"\"metrics\": {{ \"enabled\": true, \"port\": {port} }}," : "")}}
          {{sections}}
          "logging": { "syslog": [] },
          "shutdown": { "drainSeconds": 1 }
        }
        """);

    /// <summary>What systemd's RuntimeDirectory= would give each gateway: its own place for the control socket.</summary>
    private static Dictionary<string, string?> RuntimeDirectory(TempDirectory directory, string gateway)
    {
        string path = directory.Combine("run-" + gateway);
        Directory.CreateDirectory(path);
        return new Dictionary<string, string?> { ["RUNTIME_DIRECTORY"] = path };
    }

    public static string ControlSocket(TempDirectory directory, string gateway) => Path.Combine(directory.Combine("run-" + gateway), "control.sock");

    private static string Write(TempDirectory directory, string name, string json)
    {
        string path = directory.Combine(name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Both gateways' output, for a failing test's message.</summary>
    public string Output => $"--- gateway A\n{A.Output}\n--- gateway B\n{B.Output}";

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
