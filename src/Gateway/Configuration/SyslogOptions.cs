namespace Gateway.Configuration;

public sealed record SyslogOptions(bool Enabled);
