using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// M3UA over one kernel SCTP association (one-to-one socket). SCTP keeps message boundaries, so each recvmsg is one
/// M3UA message, delivered with the stream it came on; notifications arrive in the same queue and are decoded and
/// reported. The receive thread waits in poll(2) until something is queued, then recvmsg reads all of it. Sends go out
/// with sendmsg and an SCTP_SNDINFO naming the stream and PPID 3.
/// </summary>
internal sealed class M3uaSctpConnection : M3uaConnection
{
    private readonly Socket _socket;
    private readonly SafeSocketHandle _handle;
    private readonly byte[] _buffer;
    private bool _inLongNotification;
    private bool _abortOnClose;

    public M3uaSctpConnection(Socket socket, IM3uaTransportReceiver receiver, M3uaTransportOptions options, int inboundStreams, int outboundStreams)
        : base(M3uaTransportKind.Sctp, receiver, options, (IPEndPoint)socket.LocalEndPoint!, (IPEndPoint)socket.RemoteEndPoint!, inboundStreams, outboundStreams)
    {
        _socket = socket;
        _handle = socket.SafeHandle;
        // One buffer for the connection's life: a message is handed over and done with before the next read.
        _buffer = ArrayPool<byte>.Shared.Rent(options.MaxMessageSize);
    }

    private protected override void ReceiveLoop()
    {
        while (WaitUntilReadable(_socket))
        {
            if (!ReadQueued()) return;
        }
    }

    /// <summary>Reads everything queued; false once the connection is going down.</summary>
    private bool ReadQueued()
    {
        Span<byte> buffer = _buffer.AsSpan(0, MaxMessageSize);
        while (true)
        {
            SctpReceived received = SctpSocket.Receive(_handle, buffer);
            if (received.Errno == LinuxErrno.EAGAIN) return true;
            if (received.Errno != 0)
            {
                M3uaTransportException error = SctpSocket.Failure("recvmsg", received.Errno);
                GoingDown(Classify(error), error);
                return false;
            }
            if (received.Notification)
            {
                if (!Notified(buffer[..received.Length], received.EndOfRecord)) return false;
                continue;
            }
            if (received.Length == 0)
            {
                GoingDown(M3uaDownReason.ClosedByPeer);
                return false;
            }
            if (!received.EndOfRecord)
            {
                // More of this message is queued than the maximum: it cannot be delivered whole, and the association
                // layer has no way to resynchronise on a cut message, so the association is aborted.
                _abortOnClose = true;
                GoingDown(M3uaDownReason.FramingError, new M3uaTransportException(
                    $"The peer sent an SCTP message longer than the maximum of {MaxMessageSize} octets; the association is aborted."));
                return false;
            }
            if (!Deliver(received.Stream, buffer[..received.Length])) return false;
        }
    }

    private bool Notified(ReadOnlySpan<byte> bytes, bool complete)
    {
        bool continuation = _inLongNotification;
        _inLongNotification = !complete;
        // The rest of a notification longer than the buffer (an ABORT's cause in sac_info): already reported.
        if (continuation) return true;

        SctpNotification? notification = SctpNotificationDecoder.Decode(bytes);
        if (notification is null) return true;
        if (!Report(notification)) return false;

        switch (notification)
        {
            case SctpAssociationChange { State: SctpAssociationState.CommunicationLost or SctpAssociationState.CannotStartAssociation } lost:
                GoingDown(M3uaDownReason.Aborted, new M3uaTransportException(
                    $"The SCTP association was lost ({lost.State}, error cause {lost.Error})."));
                return false;
            case SctpAssociationChange { State: SctpAssociationState.ShutdownComplete }:
                GoingDown(M3uaDownReason.ClosedByPeer);
                return false;
            default:
                // A restart, a path change or the peer's SHUTDOWN: reported; after a SHUTDOWN the queued data is still
                // read, and the end of the stream follows.
                return true;
        }
    }

    private protected override void ValidateStream(ushort stream)
    {
        if (stream >= OutboundStreams)
        {
            throw new ArgumentOutOfRangeException(nameof(stream), stream, $"The association has {OutboundStreams} outbound streams (0 to {OutboundStreams - 1}).");
        }
    }

    private protected override async ValueTask SendCoreAsync(ReadOnlyMemory<byte> message, ushort stream, CancellationToken cancellationToken)
    {
        int errno = SctpSocket.Send(_handle, message.Span, stream);
        if (errno == 0) return;
        if (errno != LinuxErrno.EAGAIN) throw new M3uaTransportException(SctpSocket.Failure("sendmsg", errno).Message, errno);

        // No room for the whole message: let .NET wait for the socket to become writable and send it then. A plain send
        // carries no SCTP_SNDINFO, so the default stream is pointed at this one for the duration (sends are serialised).
        SctpSocket.SetDefaultStream(_handle, stream);
        try
        {
            await _socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            RestoreDefaultStream();
        }
    }

    private void RestoreDefaultStream()
    {
        try
        {
            SctpSocket.SetDefaultStream(_handle, 0);
        }
        catch (Exception e) when (e is M3uaTransportException or ObjectDisposedException)
        {
            // The association is gone (the send's own outcome says so); there is nothing left to restore.
        }
    }

    private protected override void ShutdownTransport()
    {
        try
        {
            // SCTP SHUTDOWN: what the peer has already been sent is still delivered.
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone: the receive loop is ending anyway.
        }
    }

    private protected override void ReleaseTransport()
    {
        if (_abortOnClose)
        {
            try
            {
                // Closing with a zero linger sends ABORT instead of SHUTDOWN.
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
        _socket.Dispose();
        SocketLedger.Close();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
