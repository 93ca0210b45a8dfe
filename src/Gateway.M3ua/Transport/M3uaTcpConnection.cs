using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// M3UA over TCP: the byte stream is cut into messages by the length in each common header. Reads go into one pooled
/// buffer per connection, several messages at a time when the peer is busy; a message split across reads waits at the
/// front of it. The length is checked against the maximum first, and the buffer grows only as a long message's octets
/// arrive, so a bad length costs one header, not the memory it claims. The socket is non-blocking: the receive thread
/// waits in poll(2), and a send that finds the kernel's buffer full finishes asynchronously instead of blocking whoever
/// sent it.
/// </summary>
internal sealed class M3uaTcpConnection : M3uaConnection
{
    /// <summary>Room for a burst of signalling in one read; a longer message (up to the maximum) grows the buffer.</summary>
    private const int InitialBufferSize = 64 * 1024;

    private readonly Socket _socket;
    private byte[] _buffer;

    public M3uaTcpConnection(Socket socket, IM3uaTransportReceiver receiver, M3uaTransportOptions options)
        : base(M3uaTransportKind.Tcp, receiver, options, (IPEndPoint)socket.LocalEndPoint!, (IPEndPoint)socket.RemoteEndPoint!, 1, 1)
    {
        _socket = socket;
        // Each message is written whole, and a signalling message must not wait for the next one to fill a segment.
        _socket.NoDelay = true;
        _socket.Blocking = false;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, options.MaxMessageSize));
    }

    private protected override void ReceiveLoop()
    {
        int filled = 0;
        while (WaitUntilReadable(_socket))
        {
            int read = _socket.Receive(_buffer.AsSpan(filled), SocketFlags.None, out SocketError error);
            if (error == SocketError.WouldBlock) continue;
            if (error != SocketError.Success)
            {
                var failure = new SocketException((int)error);
                GoingDown(IsOpen ? Classify(failure) : M3uaDownReason.ClosedLocally, IsOpen ? failure : null);
                return;
            }
            if (read == 0)
            {
                GoingDown(M3uaDownReason.ClosedByPeer, filled == 0
                    ? null
                    : new M3uaTransportException($"The peer closed the connection {filled} octets into a message."));
                return;
            }
            filled += read;
            if (!DeliverWhole(ref filled)) return;
        }
    }

    /// <summary>
    /// Delivers every whole message in the first <paramref name="filled"/> octets and moves what is left of the next one
    /// to the front; false once the connection must stop.
    /// </summary>
    private bool DeliverWhole(ref int filled)
    {
        var pending = new ReadOnlySequence<byte>(_buffer, 0, filled);
        M3uaFrameStatus status;
        uint declared;
        while ((status = M3uaFraming.TryTake(ref pending, MaxMessageSize, out var message, out declared)) == M3uaFrameStatus.Message)
        {
            if (!Deliver(0, message.FirstSpan)) return false;
        }
        if (status is M3uaFrameStatus.TooShort or M3uaFrameStatus.TooLong)
        {
            GoingDown(M3uaDownReason.FramingError, new M3uaTransportException(
                $"The peer sent an M3UA length of {declared} octets; a message is {M3uaFraming.HeaderLength} to {MaxMessageSize} octets. " +
                "The byte stream cannot be framed any further, so the connection is closed."));
            return false;
        }

        int left = (int)pending.Length;
        if (left > 0 && left < filled) _buffer.AsSpan(filled - left, left).CopyTo(_buffer);
        filled = left;
        if (filled == _buffer.Length)
        {
            // A message longer than the buffer, all of whose octets so far have arrived: room grows with what the peer
            // has actually sent, never straight to the length it claims.
            byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * _buffer.Length, declared));
            _buffer.AsSpan(0, filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return true;
    }

    private protected override ValueTask SendCoreAsync(ReadOnlyMemory<byte> message, ushort stream, CancellationToken cancellationToken)
    {
        int sent = _socket.Send(message.Span, SocketFlags.None, out SocketError error);
        if (error == SocketError.Success && sent == message.Length) return ValueTask.CompletedTask;
        if (error is not (SocketError.Success or SocketError.WouldBlock)) throw new SocketException((int)error);
        return SendRestAsync(message[sent..], cancellationToken);
    }

    /// <summary>The kernel took part of the message or none: the runtime waits for room and sends the rest.</summary>
    private async ValueTask SendRestAsync(ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendAsync(rest, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Part of the message may be on the wire: nothing the peer reads after it would be framed correctly.
            GoingDown(M3uaDownReason.IoError, new M3uaTransportException("A send was cancelled part-way through a message; the TCP stream cannot be resynchronised."));
            ShutdownTransport();
            throw;
        }
    }

    private protected override void ShutdownTransport()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone: the read loop is ending anyway.
        }
    }

    private protected override void ReleaseTransport()
    {
        _socket.Dispose();
        SocketLedger.Close();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
