using Gateway.Isup;
using Gateway.Sip;
using Microsoft.Extensions.Logging;

namespace Gateway.Interworking;

/// <summary>
/// What every call of the gateway shares: the mapping, both protocol sides and the call log. Calls reach the sides
/// only through their effects; this is where those effects find them.
/// </summary>
public sealed class CallServices(ICallMapping mapping, IsupCallControl isup, SipUserAgent? sip, string localHost, ILogger log, Action<ICallRecord> ended)
{
    public ICallMapping Mapping { get; } = mapping;

    public IsupCallControl Isup { get; } = isup;

    /// <summary>The SIP side; null when no SIP listener is configured (ISUP-only test rigs).</summary>
    public SipUserAgent? Sip { get; } = sip;

    /// <summary>The host of our SIP URIs (From of calls toward SIP, the SDP's connection address).</summary>
    public string LocalHost { get; } = localHost;

    public ILogger Log { get; } = log;

    /// <summary>Told once when a call reaches its end: the registry forgets it.</summary>
    public void Ended(ICallRecord call) => ended(call);
}
