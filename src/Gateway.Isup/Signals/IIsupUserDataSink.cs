namespace Gateway.Isup;

/// <summary>
/// Where <see cref="IsupSignalEncodingSink"/> puts the encoded messages: the transport toward the peer (M3UA DATA,
/// whose Protocol Data carries the routing label in its own fields and these octets as the user data).
/// </summary>
public interface IIsupUserDataSink
{
    /// <summary>
    /// Sends one ISUP message, MTP3 user data from the CIC, to <paramref name="dpc"/>. The span is only valid during
    /// the call: copy it to queue it.
    /// </summary>
    void Send(int dpc, ReadOnlySpan<byte> userData);

    /// <summary>A signal the procedures sent could not be encoded (a defect to log once and count, never a peer's fault).</summary>
    void EncodeFailed(int dpc, in IsupSignal signal, in IsupSignalResult result);
}
