namespace Gateway.Configuration;

/// <summary>
/// Where the gateway stops taking new calls so that it can keep the ones it has (<c>overload</c>): at most
/// <see cref="MaxCallsPerSecond"/> new calls a second (a bucket of one second's worth, so a burst may use it at once)
/// and at most <see cref="MaxCalls"/> calls up at a time. Beyond them a new INVITE gets 503 with Retry-After and a
/// new IAM a REL with cause 42 and the automatic congestion level; calls already admitted are not touched. 0 means no
/// limit.
/// </summary>
public sealed record OverloadOptions(int MaxCallsPerSecond, int MaxCalls, int RetryAfterSeconds)
{
    /// <summary>
    /// Below what this gateway sustains on a 2-core machine (docs/performance.md), so that the limit, not the CPU, is
    /// what refuses; raise both on bigger machines.
    /// </summary>
    public static OverloadOptions Default { get; } = new(MaxCallsPerSecond: 1000, MaxCalls: 30_000, RetryAfterSeconds: 5);
}
