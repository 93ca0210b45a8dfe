namespace Gateway.Sip;

/// <summary>How a call ended: reported once, last, through <see cref="ISipCallListener.Ended"/>.</summary>
/// <param name="Kind">Why.</param>
/// <param name="StatusCode">The final response that ended it (sent or received), e.g. 486 or 487; 0 when none did.</param>
/// <param name="Reasons">
/// The Reason values (RFC 3326) of the message that ended it: the BYE or CANCEL received, the final response received,
/// or what we sent ourselves; empty when it had none.
/// </param>
public sealed record SipCallEnd(SipCallEndKind Kind, int StatusCode, IReadOnlyList<ReasonValue> Reasons)
{
    /// <summary>The User-to-User header value (RFC 7433) of the BYE that ended the call, or null.</summary>
    public string? UserToUser { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Reasons.Count == 0 ? $"{Kind} {StatusCode}" : $"{Kind} {StatusCode} {ReasonHeader.Format(Reasons)}";
}
