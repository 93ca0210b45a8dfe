namespace Gateway.Configuration;

internal static class SyslogOptionsReader
{
    public static SyslogOptions Read(JsonSection s) => new(s.Bool("enabled", true));
}
