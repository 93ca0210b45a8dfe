namespace Gateway.M3ua;

/// <summary>
/// A transport failure that is not already a <see cref="System.Net.Sockets.SocketException"/>: a failed SCTP system call
/// (with its errno), or a peer that broke the framing.
/// </summary>
public class M3uaTransportException : IOException
{
    public M3uaTransportException(string message, int errno = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        Errno = errno;
    }

    /// <summary>The Linux errno of the failed system call; 0 when the failure did not come from one.</summary>
    public int Errno { get; }
}
