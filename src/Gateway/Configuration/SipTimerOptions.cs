namespace Gateway.Configuration;

/// <summary>RFC 3261 §17 base timers; every other transaction timer is derived from these.</summary>
public sealed record SipTimerOptions(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    public static readonly SipTimerOptions Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
}
