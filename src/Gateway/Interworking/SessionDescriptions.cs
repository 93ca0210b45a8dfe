using System.Globalization;
using System.Text;

namespace Gateway.Interworking;

/// <summary>
/// The SDP the gateway puts on the SIP side. It carries signalling only; the speech path is the media gateway's, which
/// it does not control yet, so it answers with the caller's first audio format at its own address and offers G.711 —
/// enough for SIP peers to complete the offer/answer (RFC 3264) and for the call to be routed.
/// </summary>
public static class SessionDescriptions
{
    private const int MediaPort = 40000;

    /// <summary>Our offer in an INVITE toward SIP: PCMA and PCMU.</summary>
    public static byte[] Offer(string host) => Describe(host, "8 0", "a=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n");

    /// <summary>Our answer to <paramref name="offer"/>: its first active audio format (PCMA when it has none we can read).</summary>
    public static byte[] Answer(ReadOnlySpan<byte> offer, string host)
    {
        int payload = SessionMedia.FirstAudioPayload(offer);
        return Describe(host, (payload < 0 ? 8 : payload).ToString(CultureInfo.InvariantCulture), string.Empty);
    }

    private static byte[] Describe(string host, string formats, string attributes)
    {
        string family = host.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";
        return Encoding.ASCII.GetBytes(
            $"v=0\r\no=sip-isup-gateway 1 1 IN {family} {host}\r\ns=-\r\nc=IN {family} {host}\r\nt=0 0\r\n" +
            $"m=audio {MediaPort} RTP/AVP {formats}\r\n{attributes}a=sendrecv\r\n");
    }
}
