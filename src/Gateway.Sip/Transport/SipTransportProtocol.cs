namespace Gateway.Sip;

/// <summary>The transport a SIP message travelled on; it decides retransmission (RFC 3261 §17: only on unreliable ones).</summary>
public enum SipTransportProtocol
{
    Udp,
    Tcp,
}
