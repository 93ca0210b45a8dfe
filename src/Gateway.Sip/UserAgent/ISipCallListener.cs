namespace Gateway.Sip;

/// <summary>
/// What the application (the interworking layer) hears about one <see cref="SipCall"/>.
/// </summary>
/// <remarks>
/// Calls come from network and timer threads and never under the call's lock, so a callback may act on the call at
/// once (answer, hang up); they may however come from two threads at once for one call (a BYE on one TCP connection,
/// a timer on another thread), so the listener serialises its own state. A message passed in is readable during the
/// call only. <see cref="Ended"/> is always the last call and comes exactly once, also for ends the listener asked for
/// (it may then come from inside <see cref="SipCall.Hangup"/> or <see cref="SipCall.Reject"/>).
/// </remarks>
public interface ISipCallListener
{
    /// <summary>Outgoing: a provisional response above 100 (180, 181, 182, 183), from any fork.</summary>
    void Progress(SipCall call, SipMessage response);

    /// <summary>Outgoing: the first 2xx; the stack has ACKed it. Later 2xx of other forks are ACKed and ended with BYE.</summary>
    void Answered(SipCall call, SipMessage response);

    /// <summary>Incoming: the ACK of our 2xx arrived (it carries the SDP answer when the INVITE had no offer).</summary>
    void Confirmed(SipCall call, SipMessage ack);

    /// <summary>An INFO in the dialog (RFC 6086); the returned status (normally 200) answers it.</summary>
    int InfoReceived(SipCall call, SipMessage info);

    /// <summary>The call is over.</summary>
    void Ended(SipCall call, SipCallEnd end);
}
