namespace Gateway.Cli;

/// <summary>
/// The arguments after the verb: <c>--name value</c> options, <c>--flag</c> switches and positional words.
/// Each command says which options it takes, so a typo is an error rather than a silently ignored word.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private CliArguments() { }

    public IReadOnlyList<string> Positional => _positional;

    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> names the first word that does not fit.</summary>
    public static CliArguments? Parse(ReadOnlySpan<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags, out string? error)
    {
        var parsed = new CliArguments();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string word = args[i];
            if (!word.StartsWith("--", StringComparison.Ordinal) || word == "--")
            {
                parsed._positional.Add(word);
                continue;
            }
            string name = word[2..];
            string? inlineValue = null;
            int equals = name.IndexOf('=');
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }
            if (flags.Contains(name) && inlineValue is null)
            {
                parsed._options[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                string? value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
                if (value is null)
                {
                    error = $"option --{name} needs a value";
                    return null;
                }
                parsed._options[name] = value;
            }
            else
            {
                error = $"unknown option {word}";
                return null;
            }
        }
        return parsed;
    }
}
