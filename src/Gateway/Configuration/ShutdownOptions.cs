namespace Gateway.Configuration;

/// <summary>
/// On SIGTERM the gateway stops admitting calls, lets active calls end by themselves for <see cref="Drain"/>,
/// then releases the rest and waits up to <see cref="Release"/> for the peers to confirm.
/// </summary>
public sealed record ShutdownOptions(TimeSpan Drain, TimeSpan Release)
{
    /// <summary>What the host may spend stopping: systemd's TimeoutStopSec must be longer.</summary>
    public TimeSpan Total => Drain + Release;
}
