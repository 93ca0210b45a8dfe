namespace Gateway.Configuration;

/// <summary>One defect in a configuration file, located by its JSON path (for example <c>$.isup.opc</c>).</summary>
public sealed record ConfigurationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
