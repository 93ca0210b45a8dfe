namespace Gateway.Isup;

/// <summary>
/// Where the procedures put the messages they send: the daemon encodes each signal with the Q.763 codec and sends it
/// over M3UA to <c>dpc</c>. Called outside every lock, one thread at a time per circuit group, in the order the
/// procedures decided; an implementation must not block for long (queue to the transport).
/// </summary>
public interface IIsupSignalSink
{
    /// <summary>Sends <paramref name="signal"/> to the signalling point <paramref name="dpc"/>.</summary>
    void Send(int dpc, in IsupSignal signal);
}
