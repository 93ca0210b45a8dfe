using Gateway.Configuration;

namespace Gateway.Cli;

/// <summary>Validates a configuration file without starting anything: every error with its JSON path, exit 0 or 78.</summary>
public sealed class CheckConfigCommand : CliCommand
{
    public override string Name => "check-config";
    public override string Usage => "[--config PATH]";
    public override string Summary => "validate a configuration file and list every error";
    public override IReadOnlyCollection<string> ValueOptions => ["config"];

    public override Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter error)
    {
        string path = arguments.Option("config") ?? ConfigPath.Default;
        try
        {
            var c = GatewayConfigurationReader.ReadFile(path);
            int circuits = 0;
            foreach (var g in c.Isup.CircuitGroups)
            {
                // Unequipped CICs carry no calls: the operator wants the number that does.
                foreach (var r in g.Cics) circuits += r.Count;
                foreach (var r in g.UnequippedCics) circuits -= r.Count;
            }
            output.WriteLine(
                $"{path}: OK (node {c.Node.Name}, {c.Sip.Listeners.Count} SIP listeners, {c.Sip.Trunks.Count} trunks, " +
                $"{c.M3ua.Associations.Count} M3UA associations, {c.Isup.CircuitGroups.Count} circuit groups with {circuits} circuits)");
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (ConfigurationException e)
        {
            WriteErrors(e, error);
            return Task.FromResult(ExitCodes.Config);
        }
    }

    /// <summary>One line per defect, <c>FILE: PATH: MESSAGE</c>, as compilers do, so editors and grep can jump to them.</summary>
    public static void WriteErrors(ConfigurationException e, TextWriter error)
    {
        foreach (var item in e.Errors)
        {
            error.WriteLine($"{e.File}: {item.Path}: {item.Message}");
        }
        error.WriteLine($"{e.File}: {e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")}");
    }
}
