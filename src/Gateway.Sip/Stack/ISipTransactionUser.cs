namespace Gateway.Sip;

/// <summary>
/// The transaction user (the dialog/UA layer above the stack) as the <see cref="SipStack"/> sees it: where new
/// requests, cancellations, ACKs of 2xx responses and responses without a transaction are delivered.
/// </summary>
/// <remarks>
/// <para>
/// Calls come from the network threads (the UDP receive loop, one loop per TCP connection) and from timer threads,
/// never under one of the stack's locks, so a callback may call straight back into the stack (respond, send a
/// request). Callbacks should return quickly: a slow one delays the messages behind it on the same socket. They
/// should not throw; if one does, the exception is logged and counted (<see cref="SipStackCounters.UserErrors"/>),
/// and for <see cref="RequestReceived"/> the request is answered 500 so that its transaction ends.
/// </para>
/// <para>
/// Ownership: a <see cref="SipMessage"/> passed to a callback belongs to the stack and may be read only during the
/// callback; copy what you keep (or parse <see cref="SipMessage.Span"/> again into a message of your own).
/// <see cref="ServerRequest.Message"/> lives longer: until the request's transaction ends.
/// </para>
/// </remarks>
public interface ISipTransactionUser
{
    /// <summary>
    /// A new request (not ACK, not CANCEL: the stack handles those) for which a server transaction was created. The
    /// TU must answer it through <see cref="ServerRequest.Respond"/> — an INVITE server transaction waits for its
    /// final response without limit. For an INVITE the stack sends 100 Trying itself if the TU has sent no
    /// provisional response within <see cref="SipTimerSettings.TryingDelay"/>.
    /// </summary>
    /// <param name="request">The request and the means to answer it.</param>
    void RequestReceived(ServerRequest request);

    /// <summary>
    /// A CANCEL matched <paramref name="request"/> (an INVITE) before its final response: the stack answered the CANCEL
    /// with 200 and the INVITE with 487 Request Terminated (RFC 3261 §9.2). The TU ends the call attempt.
    /// </summary>
    /// <param name="request">The cancelled INVITE.</param>
    /// <param name="reasons">The CANCEL's Reason header values (RFC 3326), parsed; empty when it had none or none parsed.</param>
    void RequestCancelled(ServerRequest request, IReadOnlyList<ReasonValue> reasons);

    /// <summary>
    /// An ACK that is the TU's business: one that matched no server transaction (the ACK of a 2xx has its own branch,
    /// RFC 3261 §13.3.1.4, §17.2.3) or that matched an INVITE server transaction after its 2xx (RFC 6026). The
    /// dialog layer matches it to its dialog and stops retransmitting the 2xx; an ACK that matches no dialog is dropped.
    /// </summary>
    /// <param name="ack">The ACK; readable during the call only.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="invite">The INVITE's server request when the ACK matched its transaction, otherwise null.</param>
    void AckReceived(SipMessage ack, SipPeer source, ServerRequest? invite);

    /// <summary>
    /// A 2xx to an INVITE whose call has ended while its client transaction lingers (RFC 6026 Accepted, kept by the stack
    /// as bytes once the TU let it go), from a fork other than the one the call took: the TU must still ACK it and end
    /// that dialog with BYE (RFC 3261 §13.2.2.4). Retransmissions of the 2xx the call took are ACKed by the stack.
    /// </summary>
    /// <param name="response">The 2xx; readable during the call only.</param>
    /// <param name="source">Where it came from.</param>
    void LateAnswerReceived(SipMessage response, SipPeer source);

    /// <summary>The server transaction of <paramref name="request"/> ended; its message is no longer readable.</summary>
    /// <param name="request">The request.</param>
    /// <param name="end">Why: normally <see cref="SipTransactionEnd.Completed"/>.</param>
    void RequestEnded(ServerRequest request, SipTransactionEnd end);
}
