namespace Gateway.Sip;

/// <summary>
/// RFC 3261 §12: a dialog is identified by its Call-ID and the two tags, named from this side's point of view, so the
/// same dialog has the tags swapped at the two ends. Tags and Call-ID compare case-sensitively (§19.3).
/// </summary>
public readonly record struct SipDialogId(string CallId, string LocalTag, string RemoteTag)
{
    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";
}
