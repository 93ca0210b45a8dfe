using System.Globalization;
using System.Text.Json;
using Gateway.Cli;
using Gateway.Configuration;
using Gateway.Interworking;
using Gateway.Isup;
using Gateway.Logging;
using Gateway.M3ua;
using Gateway.Metrics;
using Gateway.Signalling;
using Gateway.Tracing;
using Microsoft.Extensions.Logging;

namespace Gateway.Control;

/// <summary>
/// The verbs of the control socket: read-only views (status, calls, circuits) and the operator's actions (block,
/// unblock, reset, reload, trace). Each action is logged as one line, like every other event, so the journal shows who
/// changed what and when.
/// </summary>
public sealed class OperatorCommands : IControlHandler
{
    private readonly GatewayConfiguration _configuration;
    private readonly SignallingService _signalling;
    private readonly InterworkingService _calls;
    private readonly RecentProblems _problems;
    private readonly ConfigurationReload _reload;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly DateTimeOffset _started;
    private readonly GatewayMetrics _metrics;
    private readonly TraceCommands _trace;

    public OperatorCommands(
        GatewayConfiguration configuration, ConfigurationSource source, SignallingService signalling, InterworkingService calls,
        RecentProblems problems, GatewayMetrics metrics, SignallingTrace trace, TimeProvider time, ILoggerFactory loggers)
    {
        _metrics = metrics;
        _configuration = configuration;
        _signalling = signalling;
        _calls = calls;
        _problems = problems;
        _time = time;
        _log = loggers.CreateLogger("Gateway.Operator");
        _reload = new ConfigurationReload(source, configuration, calls, _log);
        _trace = new TraceCommands(trace, TraceCommands.DefaultDirectory(), _log);
        _started = time.GetUtcNow();
    }

    public ValueTask<ControlReply> HandleAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Command == "trace") return _trace.RunAsync(request.Args);
        IReadOnlyList<string> args = request.Args;
        ControlReply reply = request.Command switch
        {
            "status" => Status(),
            "calls" => Calls(),
            "circuits" => Circuits(args),
            "block" or "unblock" or "reset" => Maintenance(request.Command, args),
            "reload" => _reload.Run(),
            _ => ControlReply.Error($"unknown command \"{request.Command}\""),
        };
        return ValueTask.FromResult(reply);
    }

    private ControlReply Status()
    {
        DateTimeOffset now = _time.GetUtcNow();
        int sipToIsup = 0, isupToSip = 0;
        foreach (ICallRecord call in _calls.Calls)
        {
            if (call.Direction == "sip-to-isup") sipToIsup++;
            else isupToSip++;
        }

        return ControlReply.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteString("version", CommandLine.Version);
            json.WriteString("node", _configuration.Node.Name);
            json.WriteNumber("pid", Environment.ProcessId);
            json.WriteString("started", _started);
            json.WriteNumber("uptimeSeconds", (long)(now - _started).TotalSeconds);
            // What an operator (or bench-hold) needs to tell a leak from a heap that has not been collected yet.
            GCMemoryInfo gc = GC.GetGCMemoryInfo();
            json.WriteStartObject("memory");
            json.WriteNumber("workingSetBytes", Environment.WorkingSet);
            json.WriteNumber("managedHeapBytes", GC.GetTotalMemory(forceFullCollection: false));
            json.WriteNumber("managedHeapAfterLastGcBytes", gc.HeapSizeBytes - gc.FragmentedBytes);
            json.WriteNumber("gcCount", GC.CollectionCount(0));
            json.WriteNumber("gen2GcCount", GC.CollectionCount(2));
            json.WriteNumber("gcPauseMilliseconds", (long)GC.GetTotalPauseDuration().TotalMilliseconds);
            json.WriteNumber("allocatedBytes", GC.GetTotalAllocatedBytes(precise: false));
            json.WriteEndObject();

            json.WriteStartArray("associations");
            foreach (ConfiguredAssociation a in _signalling.Associations) WriteAssociation(json, a);
            json.WriteEndArray();

            json.WriteStartArray("destinations");
            foreach (var (dpc, monitor) in _signalling.Destinations)
            {
                json.WriteStartObject();
                json.WriteNumber("dpc", dpc);
                json.WriteString("state", monitor.State == DestinationState.Available ? "available" : "unavailable");
                json.WriteNumber("congestionLevel", monitor.CongestionLevel);
                json.WriteStartObject("circuits");
                if (_signalling.Exchange is { } exchange)
                {
                    var byState = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    int blocked = 0;
                    foreach (CircuitStatus circuit in exchange.GetCircuitStatuses(dpc))
                    {
                        string word = CircuitWords.Of(circuit.State);
                        byState[word] = byState.GetValueOrDefault(word) + 1;
                        if (circuit.Blocking != CircuitBlocking.None) blocked++;
                    }
                    foreach (var (word, count) in byState) json.WriteNumber(word, count);
                    json.WriteNumber("blocked", blocked);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("calls");
            json.WriteNumber("active", sipToIsup + isupToSip);
            json.WriteNumber("sipToIsup", sipToIsup);
            json.WriteNumber("isupToSip", isupToSip);
            json.WriteNumber("perSecond", Math.Round(_metrics.CallsPerSecond, 1));
            json.WriteEndObject();

            // What must return to 0 when no call is up: anything left is a leak (issue 8's soak reads these).
            if (_calls.Sip is { } sip)
            {
                json.WriteStartObject("sip");
                json.WriteNumber("calls", sip.CallCount);
                json.WriteNumber("dialogs", sip.DialogCount);
                json.WriteNumber("serverTransactions", sip.Stack.ServerTransactionCount);
                json.WriteNumber("clientTransactions", sip.Stack.ClientTransactionCount);
                json.WriteEndObject();
            }

            json.WriteStartArray("problems");
            foreach (LoggedProblem problem in _problems.Snapshot())
            {
                json.WriteStartObject();
                json.WriteString("time", problem.Time);
                json.WriteString("level", problem.Level);
                json.WriteString("text", problem.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteAssociation(Utf8JsonWriter json, ConfiguredAssociation a)
    {
        M3uaAssociationSettings s = a.Settings;
        M3uaManagement management = a.Association.Management;
        M3uaConnection? connection = a.Association.Connection;
        json.WriteStartObject();
        json.WriteString("name", s.Name);
        json.WriteString("transport", s.Transport == M3uaTransport.Tcp ? "tcp" : "sctp");
        json.WriteString("role", s.Role == M3uaRole.Asp ? "asp" : "ipsp");
        json.WriteString("mode", s.Mode == ConnectMode.Client ? "client" : "server");
        bool up = connection is { IsOpen: true };
        json.WriteString("link", up ? "up" : "down");
        json.WriteString("local", up ? connection!.Local.ToString() : s.Local?.ToString() ?? "-");
        json.WriteString("remote", up ? connection!.Remote.ToString() : s.Remote?.ToString() ?? string.Join(',', s.Peers));
        json.WriteString("asp", ManagementNames.Of(management.AspStatus));
        json.WriteString("peerAsp", ManagementNames.Of(management.PeerAspStatus));
        uint? rc = s.RoutingContext == 0 ? null : s.RoutingContext;
        json.WriteString("as", AsWord(management, rc));
        json.WriteNumber("connects", a.Association.Connects);
        json.WriteEndObject();
    }

    private static string AsWord(M3uaManagement management, uint? routingContext)
    {
        try
        {
            return ManagementNames.Of(management.GetAsState(routingContext));
        }
        catch (ArgumentException)
        {
            return "-";
        }
    }

    private ControlReply Calls()
    {
        DateTimeOffset now = _time.GetUtcNow();
        var calls = new List<ICallRecord>(_calls.Calls);
        calls.Sort(static (a, b) => a.StartedAt.CompareTo(b.StartedAt));
        return ControlReply.Ok(json =>
        {
            json.WriteStartArray();
            foreach (ICallRecord call in calls)
            {
                json.WriteStartObject();
                json.WriteNumber("call", call.Id);
                json.WriteString("callId", call.CallId ?? "-");
                if (call.Cic is int cic) json.WriteNumber("cic", cic);
                else json.WriteNull("cic");
                if (call.Dpc is int dpc) json.WriteNumber("dpc", dpc);
                else json.WriteNull("dpc");
                json.WriteString("direction", call.Direction);
                json.WriteString("state", call.StateName);
                json.WriteNumber("ageSeconds", Math.Round((now - call.StartedAt).TotalSeconds, 1));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }

    private ControlReply Circuits(IReadOnlyList<string> args)
    {
        if (_signalling.Exchange is not { } exchange) return ControlReply.Error("no circuit groups are configured");
        var dpcs = new List<int>();
        if (args.Count > 0)
        {
            if (!TryDpc(args[0], out int dpc, out ControlReply? error)) return error!;
            dpcs.Add(dpc);
        }
        else
        {
            foreach (var (dpc, _) in _signalling.Destinations) dpcs.Add(dpc);
            dpcs.Sort();
        }

        return ControlReply.Ok(json =>
        {
            json.WriteStartArray();
            foreach (int dpc in dpcs)
            {
                foreach (CircuitStatus circuit in exchange.GetCircuitStatuses(dpc))
                {
                    json.WriteStartObject();
                    json.WriteNumber("dpc", dpc);
                    json.WriteNumber("cic", circuit.Cic);
                    json.WriteString("state", CircuitWords.Of(circuit.State));
                    json.WriteString("blocking", CircuitWords.Of(circuit.Blocking));
                    json.WriteBoolean("farEndUnequipped", circuit.FarEndUnequipped);
                    json.WriteBoolean("call", circuit.HasCall);
                    json.WriteBoolean("maintenancePending", circuit.MaintenanceProcedurePending);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        });
    }

    private ControlReply Maintenance(string action, IReadOnlyList<string> args)
    {
        if (_signalling.Exchange is not { } exchange) return ControlReply.Error("no circuit groups are configured");
        if (args.Count is 0 or > 2 || !CicRange.TryParse(args[0], out CicRange range))
        {
            return ControlReply.Error($"usage: {action} CIC[-CIC] [DPC] (CICs 0-{CicRange.MaxCic})");
        }

        int dpc;
        if (args.Count == 2)
        {
            string word = args[1].StartsWith("dpc=", StringComparison.Ordinal) ? args[1][4..] : args[1];
            if (!TryDpc(word, out dpc, out ControlReply? error)) return error!;
        }
        else if (_signalling.Destinations.Count == 1)
        {
            dpc = _signalling.Destinations.Keys.First();
        }
        else
        {
            return ControlReply.Error($"{_signalling.Destinations.Count} DPCs have circuits: say which (--dpc)");
        }
        return new CircuitMaintenance(exchange, _log).Run(action, range, dpc);
    }

    private bool TryDpc(string text, out int dpc, out ControlReply? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out dpc) && _signalling.Destinations.ContainsKey(dpc)) return true;
        var known = new List<int>(_signalling.Destinations.Keys);
        known.Sort();
        error = ControlReply.Error($"no circuits toward DPC {text} (configured: {string.Join(", ", known)})");
        return false;
    }
}
