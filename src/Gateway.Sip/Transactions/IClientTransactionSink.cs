namespace Gateway.Sip;

/// <summary>What a client transaction (INVITE or non-INVITE) reports to its TU.</summary>
/// <typeparam name="TMessage">The parsed message type of the layer above; the transaction never looks inside it.</typeparam>
public interface IClientTransactionSink<in TMessage> : ITransactionSink
    where TMessage : class
{
    /// <summary>
    /// A response for the TU: provisional responses, the final response, and for INVITE every 2xx received in
    /// Accepted (retransmissions and 2xx from other forks: each may create a dialog that the TU must ACK).
    /// Retransmissions of a non-2xx final response are absorbed and never reported.
    /// </summary>
    /// <param name="statusCode">The response's status code, 100 to 699.</param>
    /// <param name="response">The response as the layer above parsed it.</param>
    void ResponseReceived(int statusCode, TMessage response);

    /// <summary>No final response came in time (Timer B or F). <see cref="ITransactionSink.Terminated"/> follows.</summary>
    void TimedOut();
}
