namespace Gateway.Configuration;

/// <summary>Who this gateway is: the name in its log lines, syslog HOSTNAME and status output.</summary>
public sealed record NodeOptions(string Name);
