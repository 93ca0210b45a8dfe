using System.Globalization;
using Gateway.Tracing;
using Microsoft.Extensions.Logging;

namespace Gateway.Control;

/// <summary>
/// <c>trace start FILE [call-id=ID,...] [cic=N,...] [dpc=N,...] [max-mb=N] [files=N]</c>, <c>trace stop</c>, <c>trace</c>:
/// the operator's pcapng trace. A relative FILE is put in the daemon's log directory (<c>LogsDirectory=</c>, i.e.
/// <c>/var/log/sip-isup-gateway</c>), the one place the hardened unit may write.
/// </summary>
public sealed class TraceCommands(SignallingTrace trace, string directory, ILogger log)
{
    private string? _path;

    /// <summary>Where relative trace files go: systemd's <c>$LOGS_DIRECTORY</c>, else the working directory.</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable("LOGS_DIRECTORY") is { Length: > 0 } logs ? logs.Split(':')[0] : Environment.CurrentDirectory;

    public async ValueTask<ControlReply> RunAsync(IReadOnlyList<string> args)
    {
        string verb = args.Count == 0 ? "status" : args[0];
        switch (verb)
        {
            case "start" when args.Count >= 2:
                return Start(args);
            case "stop" when args.Count == 1:
                if (!trace.IsTracing) return ControlReply.Error("no trace is running");
                await trace.StopAsync().ConfigureAwait(false);
                log.LogInformation("event=trace-stopped path={Path} written={Written} dropped={Dropped}", _path, trace.Written, trace.Dropped);
                return Status();
            case "status" when args.Count == 1:
                return Status();
            default:
                return ControlReply.Error("usage: trace start FILE [--call-id ID,...] [--cic N,...] [--dpc N,...] [--max-mb N] [--files N] | trace stop | trace");
        }
    }

    private ControlReply Start(IReadOnlyList<string> args)
    {
        string path = Path.GetFullPath(args[1], directory);
        var callIds = new List<string>();
        var cics = new List<int>();
        var pointCodes = new List<uint>();
        long maxBytes = 100L * 1024 * 1024;
        int files = 5;
        for (int i = 2; i < args.Count; i++)
        {
            int equals = args[i].IndexOf('=');
            string key = equals < 0 ? args[i] : args[i][..equals];
            string[] values = equals < 0 ? [] : args[i][(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            bool ok = values.Length > 0 && key switch
            {
                "call-id" => Add(callIds, values, static v => (true, v)),
                "cic" => Add(cics, values, static v => (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= 4095, n)),
                "dpc" => Add(pointCodes, values, static v => (uint.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out uint n), n)),
                "max-mb" => values.Length == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out int mb) && mb is >= 1 and <= 10_000
                    && (maxBytes = mb * 1024L * 1024) > 0,
                "files" => values.Length == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out files) && files is >= 1 and <= 100,
                _ => false,
            };
            if (!ok) return ControlReply.Error($"trace start: cannot use \"{args[i]}\"");
        }

        var options = new SignallingTraceOptions(path)
        {
            Filter = new TraceFilter(callIds, cics, pointCodes),
            MaxFileBytes = maxBytes,
            MaxFiles = files,
        };
        try
        {
            trace.Start(options);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return ControlReply.Error($"trace start {path}: {e.Message}");
        }
        _path = path;
        log.LogInformation("event=trace-started path={Path} call-ids={CallIds} cics={Cics} dpcs={Dpcs} max-mb={MaxMb} files={Files}",
            path, Words(callIds), Words(cics), Words(pointCodes), maxBytes / (1024 * 1024), files);
        return Status();
    }

    private ControlReply Status()
    {
        bool tracing = trace.IsTracing;
        string? path = _path;
        long written = trace.Written, dropped = trace.Dropped, filteredOut = trace.FilteredOut;
        return ControlReply.Ok(json =>
        {
            json.WriteStartObject();
            json.WriteString("state", tracing ? "tracing" : "stopped");
            if (path is null) json.WriteNull("path");
            else json.WriteString("path", path);
            json.WriteNumber("written", written);
            json.WriteNumber("dropped", dropped);
            json.WriteNumber("filteredOut", filteredOut);
            json.WriteEndObject();
        });
    }

    private static bool Add<T>(List<T> list, string[] values, Func<string, (bool Ok, T Value)> parse)
    {
        foreach (string value in values)
        {
            var (ok, parsed) = parse(value);
            if (!ok) return false;
            list.Add(parsed);
        }
        return true;
    }

    private static string Words<T>(List<T> values) => values.Count == 0 ? "any" : string.Join(',', values);
}
