using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>An INVITE toward a SIP trunk as the mapping composes it from an IAM (the SDP is the caller's to add).</summary>
public sealed record MappedInvite(string RequestUri, string From, string To, IReadOnlyList<SipHeader> Headers);
