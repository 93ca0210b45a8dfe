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
    ShutdownOptions Shutdown);
