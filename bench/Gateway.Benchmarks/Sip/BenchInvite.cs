using Gateway.Testing;

namespace Gateway.Benchmarks.Sip;

/// <summary>
/// The INVITE the SIP benchmarks parse and write: <see cref="SipSamples.Invite"/>, a typical INVITE from a SIP trunk
/// with a G.711 SDP offer. It lives in Gateway.Testing so that Gateway.Sip.Tests' allocation tests parse the very
/// same bytes.
/// </summary>
public static class BenchInvite
{
    public const string Sdp = SipSamples.InviteSdp;

    public static readonly string Text = SipSamples.Invite;

    public static readonly byte[] Bytes = SipSamples.InviteBytes();
}
