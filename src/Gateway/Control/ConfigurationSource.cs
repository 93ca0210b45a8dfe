namespace Gateway.Control;

/// <summary>The file the daemon was started from: what <c>reload</c> reads again.</summary>
public sealed record ConfigurationSource(string Path);
