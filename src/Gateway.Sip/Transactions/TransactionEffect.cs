namespace Gateway.Sip;

/// <summary>
/// One sink callback decided while the state machine was firing, kept in the transaction's outbox until it
/// can be delivered outside the lock. A struct in a reused array: recording it allocates nothing.
/// </summary>
internal readonly struct TransactionEffect
{
    public TransactionEffect(TransactionEffectKind kind, ReadOnlyMemory<byte> bytes = default, int statusCode = 0, object? message = null)
    {
        Kind = kind;
        Bytes = bytes;
        StatusCode = statusCode;
        Message = message;
    }

    public TransactionEffectKind Kind { get; }

    /// <summary>For <see cref="TransactionEffectKind.Send"/>: what to send.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>For <see cref="TransactionEffectKind.ResponseReceived"/>.</summary>
    public int StatusCode { get; }

    /// <summary>The TU's message object (a response or an ACK); typed by the generic transaction that delivers it.</summary>
    public object? Message { get; }
}
