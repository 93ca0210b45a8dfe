using System.Net;

namespace Gateway.Sip;

/// <summary>
/// A request as the TU builds it for <see cref="SipStack.SendRequest"/> (or <see cref="SipStack.SendAck"/>): everything
/// but the top Via, which the stack adds with a fresh branch, its sent-by and <c>rport</c> (RFC 3261 §8.1.1.7,
/// RFC 3581), and Content-Length, which it computes.
/// </summary>
/// <remarks>
/// The destination is an address, not a URI: resolving the Request-URI or the first Route (RFC 3263) is the TU's job.
/// Header values are written as given; From should carry the TU's tag, To has none on a dialog-creating request.
/// </remarks>
public sealed record OutgoingRequest
{
    /// <summary>Headers the stack writes itself and the TU may not give in <see cref="Headers"/>.</summary>
    private static readonly string[] StackOwned = ["Via", "v", "From", "f", "To", "t", "Call-ID", "i", "CSeq", "Content-Length", "l", "Max-Forwards", "Contact", "m"];

    /// <summary>The method, e.g. <c>INVITE</c> (a token; ACK only through <see cref="SipStack.SendAck"/>, CANCEL only through <see cref="ClientRequest.Cancel"/>).</summary>
    public required string Method { get; init; }

    /// <summary>The Request-URI, e.g. <c>sip:+4930123@192.0.2.7</c>.</summary>
    public required string RequestUri { get; init; }

    /// <summary>Where to send the request (after RFC 3263 resolution by the TU).</summary>
    public required IPEndPoint Destination { get; init; }

    /// <summary>
    /// The transport; null: UDP. Either way a request larger than 1300 bytes goes over TCP (RFC 3261 §18.1.1, path MTU
    /// unknown), and the top Via says so.
    /// </summary>
    public SipTransportProtocol? Transport { get; init; }

    /// <summary>The From value, with the TU's tag, e.g. <c>&lt;sip:gw@192.0.2.1&gt;;tag=1928301774</c>.</summary>
    public required string From { get; init; }

    /// <summary>The To value; with the remote tag for a request inside a dialog.</summary>
    public required string To { get; init; }

    /// <summary>The Call-ID (RFC 3261 §8.1.1.4).</summary>
    public required string CallId { get; init; }

    /// <summary>The CSeq number (0 to 2³¹−1); the CSeq method is <see cref="Method"/>.</summary>
    public required int CSeq { get; init; }

    /// <summary>The Contact value, required in an INVITE (RFC 3261 §8.1.1.8); null for none.</summary>
    public string? Contact { get; init; }

    /// <summary>Max-Forwards (RFC 3261 §8.1.1.6): 70 unless said otherwise.</summary>
    public int MaxForwards { get; init; } = 70;

    /// <summary>
    /// Further headers in order (Route, Content-Type, Supported, P-Asserted-Identity, Reason...). Route headers are
    /// also copied into the CANCEL and into the ACK of a 300–699 (RFC 3261 §9.1, §17.1.1.3).
    /// </summary>
    public IReadOnlyList<SipHeader> Headers { get; init; } = [];

    /// <summary>The body (SDP, ISUP, multipart), written byte for byte; its Content-Type goes in <see cref="Headers"/>.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Checks what the stack relies on; throws <see cref="ArgumentException"/> on the first problem.</summary>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(Method) || !SipSyntax.IsToken(System.Text.Encoding.UTF8.GetBytes(Method)))
        {
            throw new ArgumentException($"'{Method}' is not a method token.", nameof(Method));
        }

        ArgumentException.ThrowIfNullOrEmpty(RequestUri, nameof(RequestUri));
        ArgumentNullException.ThrowIfNull(Destination, nameof(Destination));
        ArgumentException.ThrowIfNullOrEmpty(From, nameof(From));
        ArgumentException.ThrowIfNullOrEmpty(To, nameof(To));
        ArgumentException.ThrowIfNullOrEmpty(CallId, nameof(CallId));
        ArgumentOutOfRangeException.ThrowIfNegative(CSeq, nameof(CSeq));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxForwards, nameof(MaxForwards));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxForwards, 255, nameof(MaxForwards));
        ArgumentNullException.ThrowIfNull(Headers, nameof(Headers));
        foreach (SipHeader header in Headers)
        {
            foreach (string owned in StackOwned)
            {
                if (header.Is(owned))
                {
                    throw new ArgumentException($"{header.Name} is written by the stack or has a property of its own.", nameof(Headers));
                }
            }
        }
    }
}
