namespace Gateway.Sip;

/// <summary>Which side started the call, from the gateway's point of view.</summary>
public enum SipCallDirection
{
    /// <summary>An INVITE we received: we are the UAS.</summary>
    Incoming,

    /// <summary>An INVITE we sent: we are the UAC.</summary>
    Outgoing,
}
