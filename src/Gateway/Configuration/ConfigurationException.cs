namespace Gateway.Configuration;

/// <summary>A configuration that cannot be used; carries every defect found, not just the first.</summary>
public sealed class ConfigurationException(string file, IReadOnlyList<ConfigurationError> errors)
    : Exception($"{errors.Count} configuration error(s) in {file}")
{
    public string File { get; } = file;
    public IReadOnlyList<ConfigurationError> Errors { get; } = errors;
}
