using System.Reflection;

namespace Gateway.Cli;

/// <summary>Dispatches <c>sip-isup-gateway VERB [options]</c> to its command; later verbs are added to the list, nothing else changes.</summary>
public sealed class CommandLine(IReadOnlyList<CliCommand> commands)
{
    public const string ProgramName = "sip-isup-gateway";

    public static string Version { get; } =
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public IReadOnlyList<CliCommand> Commands => commands;

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            WriteHelp(error);
            return ExitCodes.Usage;
        }
        string verb = args[0];
        if (verb is "--version" or "version")
        {
            output.WriteLine($"{ProgramName} {Version}");
            return ExitCodes.Ok;
        }
        if (verb is "--help" or "-h" or "help")
        {
            WriteHelp(output);
            return ExitCodes.Ok;
        }
        foreach (var command in commands)
        {
            if (command.Name != verb) continue;
            var arguments = CliArguments.Parse(args.AsSpan(1), command.ValueOptions, command.Flags, out string? problem);
            if (arguments is null)
            {
                error.WriteLine($"{ProgramName} {verb}: {problem}");
                error.WriteLine($"usage: {ProgramName} {verb} {command.Usage}");
                return ExitCodes.Usage;
            }
            return await command.RunAsync(arguments, output, error).ConfigureAwait(false);
        }
        error.WriteLine($"{ProgramName}: unknown command \"{verb}\"");
        WriteHelp(error);
        return ExitCodes.Usage;
    }

    private void WriteHelp(TextWriter writer)
    {
        writer.WriteLine($"{ProgramName} {Version}: SIP to ISUP (M3UA) signalling gateway");
        writer.WriteLine();
        writer.WriteLine("usage:");
        int width = 0;
        foreach (var c in commands) width = Math.Max(width, c.Name.Length + 1 + c.Usage.Length);
        foreach (var c in commands)
        {
            writer.WriteLine($"  {ProgramName} {(c.Name + " " + c.Usage).PadRight(width)}  {c.Summary}");
        }
        writer.WriteLine($"  {ProgramName} {"--version".PadRight(width)}  print the version");
    }
}
