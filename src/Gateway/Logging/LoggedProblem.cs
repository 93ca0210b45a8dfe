namespace Gateway.Logging;

/// <summary>A warning or error line as the log wrote it.</summary>
public sealed record LoggedProblem(DateTimeOffset Time, string Level, string Text);
