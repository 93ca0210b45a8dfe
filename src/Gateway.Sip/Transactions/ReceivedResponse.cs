namespace Gateway.Sip;

/// <summary>The argument of a client transaction's response triggers: a response as the layer above passed it in.</summary>
/// <typeparam name="TMessage">The layer above's message type.</typeparam>
internal readonly struct ReceivedResponse<TMessage>
    where TMessage : class
{
    public ReceivedResponse(int statusCode, TMessage message, ReadOnlyMemory<byte> ackForFailure)
    {
        StatusCode = statusCode;
        Message = message;
        AckForFailure = ackForFailure;
    }

    public int StatusCode { get; }

    public TMessage Message { get; }

    /// <summary>INVITE only: the ACK the layer above built for a 300–699 response; empty otherwise.</summary>
    public ReadOnlyMemory<byte> AckForFailure { get; }
}
