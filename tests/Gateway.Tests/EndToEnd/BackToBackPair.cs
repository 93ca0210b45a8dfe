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
        _directory = directory;
        ControlA = ControlSocket(directory, "a");
        ControlB = ControlSocket(directory, "b");
        M3uaPort = m3uaPort;
        A = a;
        B = b;
        SipA = sipA;
        SipB = sipB;
    }

    private readonly TempDirectory _directory;

    /// <summary>Gateway A (SIP → ISUP), facing the PBX; the new process after <see cref="RestartAAsync"/>.</summary>
    public DaemonProcess A { get; private set; }

    /// <summary>Gateway B (ISUP → SIP), standing in for the PSTN; the new process after <see cref="RestartBAsync"/>.</summary>
    public DaemonProcess B { get; private set; }

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
    /// <param name="extraA">More members of gateway A's configuration, by section (<see cref="Extra"/>): null adds none.</param>
    /// <param name="extraB">The same for gateway B.</param>
    public static async Task<BackToBackPair> StartAsync(TempDirectory directory, IPEndPoint uas, IPEndPoint pbx, string cics = "1-31", int? metricsPortA = null,
        Extra? extraA = null, Extra? extraB = null)
    {
        int m3ua = Sipp.FreePort(IPAddress.Loopback);
        var sipA = new IPEndPoint(IPAddress.Loopback, Sipp.FreePort(IPAddress.Loopback));
        var sipB = new IPEndPoint(IPAddress.Loopback, Sipp.FreePort(IPAddress.Loopback));
        var b = DaemonProcess.Start(["run", "--config", ConfigB(directory, sipB, uas, m3ua, cics, extraB ?? Extra.None)], RuntimeDirectory(directory, "b"));
        DaemonProcess? a = null;
        try
        {
            await b.WaitForLinesAsync("event=association-configured");
            a = DaemonProcess.Start(["run", "--config", ConfigA(directory, sipA, pbx, m3ua, cics, metricsPortA, extraA ?? Extra.None)], RuntimeDirectory(directory, "a"));
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

    /// <summary>
    /// JSON members added at the end of a gateway's <c>sip</c>, <c>isup</c> and association objects, each with its leading
    /// comma, e.g. <c>Sip: ", \"timers\": { \"t1Ms\": 50 }"</c>, and whole sections of its own.
    /// </summary>
    /// <param name="Sections">Whole top-level members (<c>"overload": {...},</c>), each ending with a comma.</param>
    public sealed record Extra(string Sip = "", string Isup = "", string Association = "", string Sections = "")
    {
        public static readonly Extra None = new();
    }

    /// <summary>
    /// Starts gateway A again with the configuration it had (the same ports), after it was killed or stopped, and returns
    /// once it listens for SIP; the caller waits for whatever else it expects (the association, the resets).
    /// </summary>
    public async Task RestartAAsync()
    {
        if (!A.HasExited) throw new InvalidOperationException("gateway A still runs");
        A.Dispose();
        A = DaemonProcess.Start(["run", "--config", _directory.Combine("a.json")], RuntimeDirectory(_directory, "a"));
        await A.WaitForLinesAsync("event=sip-listening");
    }

    /// <summary>Starts gateway B again with the configuration it had (the same ports), once its M3UA server is listening.</summary>
    public async Task RestartBAsync()
    {
        if (!B.HasExited) throw new InvalidOperationException("gateway B still runs");
        B.Dispose();
        B = DaemonProcess.Start(["run", "--config", _directory.Combine("b.json")], RuntimeDirectory(_directory, "b"));
        await B.WaitForLinesAsync("event=association-configured");
    }

    private static string ConfigB(TempDirectory directory, IPEndPoint sipB, IPEndPoint uas, int m3ua, string cics, Extra extra) => Write(directory, "b.json", $$"""
        {
          "node": { "name": "gw-b" },
          "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": {{sipB.Port}} } ],
                   "trunks": [ { "name": "pstn-uas", "transport": "udp", "address": "127.0.0.1", "port": {{uas.Port}}, "sources": ["127.0.0.1"] } ]{{extra.Sip}} },
          "m3ua": { "associations": [ { "name": "from-a", "transport": "tcp", "role": "ipsp", "mode": "server",
            "localAddress": "127.0.0.1", "localPort": {{m3ua}}, "remoteAddress": "127.0.0.1", "routingContext": 1{{extra.Association}} } ] },
          "isup": { "opc": 2, "networkIndicator": "national",
            "circuitGroups": [ { "name": "to-a", "dpc": 1, "association": "from-a", "cics": ["{{cics}}"] } ]{{extra.Isup}} },
          "routing": { "sipToIsup": [ { "prefix": "", "circuitGroup": "to-a" } ], "isupToSip": [ { "prefix": "", "trunk": "pstn-uas" } ] },
          {{extra.Sections}}
          "logging": { "syslog": [] },
          "shutdown": { "drainSeconds": 1 }
        }
        """);

    private static string ConfigA(TempDirectory directory, IPEndPoint sipA, IPEndPoint pbx, int m3ua, string cics, int? metricsPort = null, Extra? extra = null) => Write(directory, "a.json", $$"""
        {
          "node": { "name": "gw-a" },
          "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": {{sipA.Port}} } ],
                   "trunks": [ { "name": "pbx", "transport": "udp", "address": "127.0.0.1", "port": {{pbx.Port}}, "sources": ["127.0.0.1"] } ]{{extra?.Sip}} },
          "m3ua": { "associations": [ { "name": "to-b", "transport": "tcp", "role": "ipsp", "mode": "client",
            "remoteAddress": "127.0.0.1", "remotePort": {{m3ua}}, "routingContext": 1{{extra?.Association}} } ] },
          "isup": { "opc": 1, "networkIndicator": "national",
            "circuitGroups": [ { "name": "to-b", "dpc": 2, "association": "to-b", "cics": ["{{cics}}"] } ]{{extra?.Isup}} },
          "routing": { "sipToIsup": [ { "prefix": "", "circuitGroup": "to-b" } ], "isupToSip": [ { "prefix": "", "trunk": "pbx" } ] },
          {{(metricsPort is int port ? $"\"metrics\": {{ \"enabled\": true, \"port\": {port} }}," : "")}}
          {{extra?.Sections}}
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
