namespace Gateway.M3ua;

/// <summary>
/// Where the management state machines put what they send: the association layer encodes each signal with the codec
/// and sends it on stream 0 (every class but DATA goes there; the machines never pick streams). Called outside every
/// lock, one thread at a time per association, in the order the machines decided; an implementation must not block for
/// long (queue to the transport). The signal is valid during the call only: copy what must outlive it.
/// </summary>
public interface IM3uaSignalSink
{
    /// <summary>Sends <paramref name="signal"/> to the peer of this association.</summary>
    void Send(in M3uaSignal signal);
}
