using System.Text;

namespace Gateway.Testing;

/// <summary>
/// SIP messages shared by tests and benchmarks, as text and bytes, so that what a benchmark measures is what a test
/// checks. Plain data: this project does not depend on Gateway.Sip.
/// </summary>
public static class SipSamples
{
    /// <summary>The SDP body of <see cref="Invite"/>: a G.711 offer (PCMA, PCMU) with telephone-event.</summary>
    public const string InviteSdp =
        "v=0\r\n" +
        "o=- 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=maxptime:40\r\n" +
        "a=sendrecv\r\n";

    /// <summary>
    /// A typical INVITE as a SIP trunk sends it to the gateway (~900 bytes, 13 header fields): Via with branch and
    /// rport, tagged From, a P-Asserted-Identity, the usual capability headers and <see cref="InviteSdp"/> as body.
    /// Gateway.Benchmarks parses and writes it; Gateway.Sip.Tests' allocation tests parse it.
    /// </summary>
    public static readonly string Invite =
        "INVITE sip:+4930123456@gw1.carrier.example.net;user=phone SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds.a1b2c3;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Alice\" <sip:+4940111222@pbx.example.com;user=phone>;tag=1928301774\r\n" +
        "To: <sip:+4930123456@gw1.carrier.example.net;user=phone>;tag=a6c85cf\r\n" +
        "Call-ID: a84b4c76e66710@pbx.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:+4940111222@192.0.2.10:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE, INFO\r\n" +
        "Supported: 100rel, timer, replaces\r\n" +
        "P-Asserted-Identity: \"Alice\" <sip:+4940111222@pbx.example.com;user=phone>\r\n" +
        "User-Agent: ExamplePBX/4.2\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {InviteSdp.Length}\r\n" +
        "\r\n" +
        InviteSdp;

    /// <summary>
    /// <see cref="Invite"/> in ASCII, as a new array on each call: the caller may keep it, parse it in place or
    /// change it without touching anyone else's copy. Take it once, outside any loop that counts allocations.
    /// </summary>
    public static byte[] InviteBytes() => Encoding.ASCII.GetBytes(Invite);
}
