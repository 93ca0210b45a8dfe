namespace Gateway.M3ua.Management.Tests;

/// <summary>Options the tests start from.</summary>
internal static class Options
{
    public const uint Rc = 7;
    public const int Stp = 0x0801;      // a destination behind the SGP
    public const int Switch = 0x0802;   // another one
    public const int Ours = 0x0101;

    /// <summary>An ASP toward an SGP with one routing context and two destinations; heartbeat and audit off unless a test wants them.</summary>
    public static M3uaManagementOptions Asp(Func<ManagementTimerSettings, ManagementTimerSettings>? timers = null) => new()
    {
        Role = ManagementRole.Asp,
        AspIdentifier = 42,
        RoutingContexts = [Rc],
        Destinations = [new DestinationOptions(Stp), new DestinationOptions(Switch)],
        LocalPointCodes = [Ours],
        Timers = (timers ?? Quiet)(ManagementTimerSettings.Default),
    };

    public static M3uaManagementOptions Ipsp(ManagementRole role, ExchangeMode exchange) => new()
    {
        Role = role,
        Exchange = exchange,
        RoutingContexts = [Rc],
        Destinations = [new DestinationOptions(Stp)],
        LocalPointCodes = [Ours],
        Timers = Quiet(ManagementTimerSettings.Default),
    };

    /// <summary>No BEAT, no DAUD: a test about something else sees only what it is about.</summary>
    public static ManagementTimerSettings Quiet(ManagementTimerSettings settings) =>
        settings with { HeartbeatInterval = TimeSpan.Zero, AuditInterval = TimeSpan.Zero };
}
