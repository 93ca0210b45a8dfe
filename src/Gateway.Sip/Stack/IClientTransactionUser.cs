namespace Gateway.Sip;

/// <summary>
/// What the TU gives <see cref="SipStack.SendRequest"/> to hear about one request it sent: every response the client
/// transaction passes up, and how the transaction ended.
/// </summary>
/// <remarks>
/// Calls come from network and timer threads, one at a time per request and in order, never under a stack lock; a
/// callback may call back into the stack (for example <see cref="ClientRequest.Cancel"/> from a 180). The response
/// passed in is readable during the call only. Exceptions are logged and counted, never seen by a peer.
/// </remarks>
public interface IClientTransactionUser
{
    /// <summary>
    /// A response to the request: provisional responses, the final response, and for an INVITE every 2xx — those of
    /// other forks and retransmissions — until the transaction ends (RFC 6026). The stack has ACKed a 300–699 itself;
    /// a 2xx must be ACKed by the TU (<see cref="SipStack.SendAck"/>), also when it follows a CANCEL (the race of
    /// RFC 3261 §9.1: ACK, then BYE).
    /// </summary>
    /// <param name="request">The request the response answers.</param>
    /// <param name="response">The response; readable during the call only.</param>
    void ResponseReceived(ClientRequest request, SipMessage response);

    /// <summary>The transaction ended: always the last call for <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="end">
    /// <see cref="SipTransactionEnd.Completed"/> after a final response, otherwise why there was none
    /// (<see cref="SipTransactionEnd.TimedOut"/>, <see cref="SipTransactionEnd.TransportFailed"/>,
    /// <see cref="SipTransactionEnd.CancelUnanswered"/>, <see cref="SipTransactionEnd.Abandoned"/>).
    /// </param>
    void RequestEnded(ClientRequest request, SipTransactionEnd end);
}
