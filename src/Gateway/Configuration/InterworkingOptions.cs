namespace Gateway.Configuration;

/// <summary>
/// The <c>interworking</c> section: what an operator may change in the SIP ⇄ ISUP mapping. Absent keys keep the
/// standards' values (RFC 3398's tables, the seeds' CANCEL rules).
/// </summary>
/// <param name="CauseToStatus">Rows that replace RFC 3398 §7.2.4.1's: a REL cause → the SIP final status.</param>
/// <param name="StatusToCause">Rows that replace RFC 3398 §8.2.6.1's: a SIP failure status → the REL cause.</param>
/// <param name="NumberPrefixes">Called-number rules: a leading prefix stripped and the nature of address it implies.</param>
public sealed record InterworkingOptions(
    IReadOnlyList<KeyValuePair<int, int>> CauseToStatus,
    IReadOnlyList<KeyValuePair<int, int>> StatusToCause,
    IReadOnlyList<NumberPrefix> NumberPrefixes)
{
    public static InterworkingOptions Default { get; } = new([], [], []);

    /// <summary>The REL cause of a CANCEL without Reason.</summary>
    public byte CancelWithoutReasonCause { get; init; } = 16;

    /// <summary>The REL cause of a CANCEL with <c>Reason: SIP;cause=200;text="Call completed elsewhere"</c> (non-selected user clearing).</summary>
    public byte CancelCompletedElsewhereCause { get; init; } = 26;
}
