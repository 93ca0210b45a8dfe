namespace Gateway.Configuration;

public sealed record SipOptions(
    IReadOnlyList<SipListener> Listeners,
    SipTimerOptions Timers,
    int MaxMessageBytes,
    IReadOnlyList<SipTrunk> Trunks)
{
    /// <summary>
    /// Three messages a call come from a PBX (INVITE, ACK, BYE), so this lets one PBX address offer well over the
    /// default overload limit (1,000 calls/s) while still capping a flooding source.
    /// </summary>
    public const int DefaultMaxMessagesPerSecondPerSource = 5_000;

    /// <summary>Messages one source address may send a second before the rest are dropped unread (a burst of twice as many passes).</summary>
    public int MaxMessagesPerSecondPerSource { get; init; } = DefaultMaxMessagesPerSecondPerSource;
}
