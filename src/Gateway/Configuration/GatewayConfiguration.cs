namespace Gateway.Configuration;

/// <summary>The whole daemon configuration, read once from one JSON file and validated before anything starts.</summary>
public sealed record GatewayConfiguration(
    NodeOptions Node,
    SipOptions Sip,
    M3uaOptions M3ua,
    IsupOptions Isup,
    RoutingOptions Routing,
    InterworkingOptions Interworking,
    LoggingOptions Logging,
    ShutdownOptions Shutdown)
{
    /// <summary>An init property, not a positional one, so that configurations built in code without it stay off.</summary>
    public MetricsOptions Metrics { get; init; } = MetricsOptions.Disabled;

    /// <summary>The new-call limits that protect the calls already up.</summary>
    public OverloadOptions Overload { get; init; } = OverloadOptions.Default;

    /// <summary>The Homer server every message is copied to over HEPv3; null for none (the default).</summary>
    public HepExportOptions? Hep { get; init; }
}
