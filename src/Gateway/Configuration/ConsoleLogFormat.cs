namespace Gateway.Configuration;

/// <summary>How log events are written to standard output.</summary>
public enum ConsoleLogFormat
{
    /// <summary>Journald's <c>&lt;N&gt;</c> lines when stdout is the journal, human-readable lines otherwise.</summary>
    Auto,
    Journald,
    Terminal,
    Off,
}
