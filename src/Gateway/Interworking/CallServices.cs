using Gateway.Isup;
using Gateway.Sip;
using Microsoft.Extensions.Logging;

namespace Gateway.Interworking;

/// <summary>
/// What every call of the gateway shares: the mapping, both protocol sides and the call log. Calls reach the sides
/// only through their effects; this is where those effects find them.
/// </summary>
public sealed class CallServices(ICallMapping mapping, IsupCallControl isup, SipUserAgent? sip, string localHost, TimeProvider time, ILogger log, Action<ICallRecord> ended)
{
    private volatile ICallMapping _mapping = mapping;

    /// <summary>The cause and number tables; a reload swaps them, and calls up then use the new ones from their next event.</summary>
    public ICallMapping Mapping
    {
        get => _mapping;
        set => _mapping = value ?? throw new ArgumentNullException(nameof(value));
    }

    public IsupCallControl Isup { get; } = isup;

    /// <summary>The SIP side; null when no SIP listener is configured (ISUP-only test rigs).</summary>
    public SipUserAgent? Sip { get; } = sip;

    /// <summary>The host of our SIP URIs (From of calls toward SIP, the SDP's connection address).</summary>
    public string LocalHost { get; } = localHost;

    public TimeProvider Time { get; } = time;

    public ILogger Log { get; } = log;

    /// <summary>Told once when a call reaches its end: the registry forgets it.</summary>
    public void Ended(ICallRecord call) => ended(call);
}
