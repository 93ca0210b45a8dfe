namespace Gateway.Sip.Tests.Stack;

/// <summary>The parts of an INVITE a CANCEL or ACK repeats.</summary>
internal sealed record WireMessageOrTemplate(string RequestUri, string Via, string From, string CallId, int CSeq)
{
    public static implicit operator WireMessageOrTemplate(WireMessage invite) =>
        new(invite.RequestUri, invite.Values("Via")[0], invite["From"]!, invite["Call-ID"]!, invite.CSeq);
}
