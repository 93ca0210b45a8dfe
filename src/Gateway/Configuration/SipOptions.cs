namespace Gateway.Configuration;

public sealed record SipOptions(
    IReadOnlyList<SipListener> Listeners,
    SipTimerOptions Timers,
    int MaxMessageBytes,
    IReadOnlyList<SipTrunk> Trunks);
