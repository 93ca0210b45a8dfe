namespace Gateway.Sip;

/// <summary>Which sink callback a <see cref="TransactionEffect"/> stands for.</summary>
internal enum TransactionEffectKind
{
    Send,
    ResponseReceived,
    AckReceived,
    TimedOut,
    TransportFailed,
    Terminated,
}
