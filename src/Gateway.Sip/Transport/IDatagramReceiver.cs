using System.Net;

namespace Gateway.Sip;

/// <summary>Where a <see cref="SipUdpListener"/> delivers what it receives; the transport itself knows nothing of SIP.</summary>
public interface IDatagramReceiver
{
    /// <summary>
    /// One datagram. <paramref name="buffer"/> was rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> and is now
    /// the receiver's: it returns it to the pool, or hands it to a message that will.
    /// </summary>
    void DatagramReceived(SipUdpListener listener, IPEndPoint remote, byte[] buffer, int length);
}
