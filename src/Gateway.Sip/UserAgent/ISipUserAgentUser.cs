namespace Gateway.Sip;

/// <summary>The application as the <see cref="SipUserAgent"/> sees it: where new incoming calls are offered.</summary>
public interface ISipUserAgentUser
{
    /// <summary>
    /// A new INVITE (out of dialog). The application answers through the call (<see cref="SipCall.Ring"/>,
    /// <see cref="SipCall.Answer"/>, <see cref="SipCall.Reject"/>), now or later, and returns the listener for the
    /// call's events. The INVITE is <see cref="SipCall.Invite"/>, readable until the call is answered or rejected.
    /// </summary>
    ISipCallListener IncomingCall(SipCall call);
}
