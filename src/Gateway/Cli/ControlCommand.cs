using System.Text.Json;
using Gateway.Cli.Views;
using Gateway.Control;
using Spectre.Console;

namespace Gateway.Cli;

/// <summary>
/// A verb answered by the running daemon over its control socket: the words become one request, the reply becomes
/// tables (or its JSON as it is, with <c>--json</c>). Without a daemon it says so in one line and exits 69.
/// </summary>
public sealed class ControlCommand(
    string name, string usage, string summary, int minWords, int maxWords, IControlView view, IReadOnlyCollection<string>? valueOptions = null)
    : CliCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public override string Name => name;
    public override string Usage => usage + " [--json] [--socket PATH]";
    public override string Summary => summary;
    public override IReadOnlyCollection<string> ValueOptions => ["socket", .. valueOptions ?? []];
    public override IReadOnlyCollection<string> Flags => ["json"];

    /// <summary>The verbs of <c>sip-isup-gateway</c> that talk to the daemon.</summary>
    public static IReadOnlyList<CliCommand> All() =>
    [
        new ControlCommand("status", "", "the daemon's links, destinations, circuits, calls and last problems", 0, 0, new StatusView()),
        new ControlCommand("calls", "", "the active calls: Call-ID, CIC, direction, state, age", 0, 0, new CallsView()),
        new ControlCommand("circuits", "[DPC]", "the state of each circuit (of one DPC)", 0, 1, new CircuitsView()),
        new ControlCommand("block", "CIC[-CIC] [--dpc DPC]", "block circuits for maintenance (BLO, CGB)", 1, 1, new MaintenanceView(), ["dpc"]),
        new ControlCommand("unblock", "CIC[-CIC] [--dpc DPC]", "unblock circuits we blocked (UBL, CGU)", 1, 1, new MaintenanceView(), ["dpc"]),
        new ControlCommand("reset", "CIC[-CIC] [--dpc DPC]", "reset circuits (RSC, GRS); their calls are released", 1, 1, new MaintenanceView(), ["dpc"]),
        new ControlCommand("reload", "", "re-read routing, cause tables and overload limits without dropping calls", 0, 0, new ReloadView()),
        new ControlCommand("trace", "start FILE [--call-id ID,..] [--cic N,..] [--dpc N,..] [--max-mb N] [--files N] | stop",
            "write SIP and M3UA/ISUP messages to a pcapng file (or show the trace's state)", 0, 2, new TraceView(),
            ["call-id", "cic", "dpc", "max-mb", "files"]),
    ];

    public override async Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<string> words = arguments.Positional;
        if (words.Count < minWords || words.Count > maxWords)
        {
            error.WriteLine($"usage: {CommandLine.ProgramName} {Name} {Usage}");
            return ExitCodes.Usage;
        }

        // Options travel as name=value words after the positional ones, so that the daemon needs no option parser.
        var args = new List<string>(words);
        foreach (string option in valueOptions ?? [])
        {
            if (arguments.Option(option) is string value) args.Add(option + "=" + value);
        }
        string path = arguments.Option("socket") ?? ControlSocketPath.FromEnvironment();

        JsonDocument reply;
        try
        {
            reply = await ControlClient.SendAsync(path, new ControlRequest(Name, args), Timeout).ConfigureAwait(false);
        }
        catch (ControlUnavailableException e)
        {
            error.WriteLine($"{CommandLine.ProgramName} {Name}: {e.Message}");
            return ExitCodes.Unavailable;
        }

        using (reply)
        {
            JsonElement root = reply.RootElement;
            if (!root.TryGetProperty("ok", out JsonElement ok) || !ok.GetBoolean())
            {
                string why = root.TryGetProperty("error", out JsonElement e) ? e.GetString() ?? "failed" : "failed";
                error.WriteLine($"{CommandLine.ProgramName} {Name}: {why}");
                return ExitCodes.Failure;
            }

            JsonElement data = root.GetProperty("data");
            if (arguments.Flag("json"))
            {
                output.WriteLine(JsonSerializer.Serialize(data, IndentedJson.Options));
                return ExitCodes.Ok;
            }
            view.Render(data, CreateConsole(output));
            return ExitCodes.Ok;
        }
    }

    /// <summary>Colours only on a terminal; piped output (grep, a test) gets plain text a line per row.</summary>
    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        // Call-IDs and addresses are long; a pipe has no width, so do not wrap them at 80 columns.
        console.Profile.Width = terminal ? Math.Max(Console.WindowWidth, 80) : 200;
        return console;
    }
}
