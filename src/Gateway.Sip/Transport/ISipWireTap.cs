using System.Net;

namespace Gateway.Sip;

/// <summary>
/// Sees every SIP message as it crosses the wire, whole and unparsed, and hears of those that could not be parsed: for a signalling trace and message counts, which
/// the stack itself knows nothing about. Called on network threads, so it must be quick and never throw; the bytes are
/// only valid during the call.
/// </summary>
public interface ISipWireTap
{
    /// <summary>False when nothing would be done with the bytes: the stack then skips even gathering them.</summary>
    bool IsTapping { get; }

    void Received(SipTransportProtocol transport, IPEndPoint local, IPEndPoint remote, ReadOnlySpan<byte> message);

    void Sent(SipTransportProtocol transport, IPEndPoint local, IPEndPoint remote, ReadOnlySpan<byte> message);

    /// <summary>A message from <paramref name="remote"/> could not be parsed (answered with 400 or dropped); called whether or not <see cref="IsTapping"/>.</summary>
    void Malformed(SipTransportProtocol transport, IPEndPoint remote);
}
