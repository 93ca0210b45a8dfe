namespace Gateway.M3ua;

/// <summary>
/// Where an <see cref="M3uaAssociation"/> delivers received DATA: the ISUP layer. Called from the connection's receive
/// loop, one message at a time, only while traffic may flow for the routing context. Must not block.
/// </summary>
public interface IM3uaDataReceiver
{
    /// <summary>
    /// One DATA message: OPC, DPC, SI, NI, MP and SLS in <paramref name="header"/>, the user part's message (ISUP: from
    /// the CIC) in <paramref name="userData"/>, which lives in a reused buffer: copy it before returning.
    /// <paramref name="routingContext"/> is the one the DATA carried, or null.
    /// </summary>
    void DataReceived(in ProtocolDataHeader header, ReadOnlySpan<byte> userData, uint? routingContext);
}
