namespace Gateway.Cli;

/// <summary>One verb of the <c>sip-isup-gateway</c> command line.</summary>
public abstract class CliCommand
{
    public abstract string Name { get; }

    /// <summary>The argument synopsis after the verb, for help text.</summary>
    public abstract string Usage { get; }

    public abstract string Summary { get; }

    public virtual IReadOnlyCollection<string> ValueOptions => [];

    public virtual IReadOnlyCollection<string> Flags => [];

    public abstract Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter error);
}
