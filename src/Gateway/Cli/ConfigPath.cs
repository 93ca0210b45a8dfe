namespace Gateway.Cli;

public static class ConfigPath
{
    /// <summary>Where the Debian package installs the configuration (a conffile).</summary>
    public const string Default = "/etc/sip-isup-gateway/gateway.json";
}
