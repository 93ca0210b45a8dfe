using System.Buffers;

namespace Gateway.Sip;

/// <summary>
/// Where a stream connection delivers its bytes. The receiver frames messages (SIP uses Content-Length) and says how
/// far it read, in the manner of Kestrel's connection loop, so the transport stays free of protocol logic.
/// </summary>
public interface IStreamReceiver
{
    /// <summary>
    /// Consumes every complete message at the start of <paramref name="buffer"/>. Returns the position up to which the
    /// bytes are done with (<c>consumed</c>) and up to which they were looked at (<c>examined</c>): the connection waits for
    /// more data beyond <c>examined</c> before calling again. <c>close</c> asks the connection to close (an unframeable stream).
    /// </summary>
    StreamReadResult Received(SipStreamConnection connection, in ReadOnlySequence<byte> buffer);

    void ConnectionClosed(SipStreamConnection connection);
}
