using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// M3UA over TCP: the byte stream is cut into messages by the length in each common header. Reads go through a pipe
/// over pooled segments, so a message split across reads waits in place; the length is checked against the maximum
/// before any of the message is buffered, so a bad length costs one header, not the memory it claims.
/// </summary>
internal sealed class M3uaTcpConnection : M3uaConnection
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;

    public M3uaTcpConnection(Socket socket, IM3uaTransportReceiver receiver, M3uaTransportOptions options)
        : base(M3uaTransportKind.Tcp, receiver, options, (IPEndPoint)socket.LocalEndPoint!, (IPEndPoint)socket.RemoteEndPoint!, 1, 1)
    {
        _socket = socket;
        // Each message is written whole, and a signalling message must not wait for the next one to fill a segment.
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(pool: MemoryPool<byte>.Shared, leaveOpen: true));
    }

    private protected override async Task ReceiveLoopAsync()
    {
        while (true)
        {
            ReadResult read;
            try
            {
                read = await _reader.ReadAsync(Closing).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && !IsOpen)
            {
                return;
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                GoingDown(IsOpen ? Classify(e) : M3uaDownReason.ClosedLocally, IsOpen ? e : null);
                return;
            }

            ReadOnlySequence<byte> buffer = read.Buffer;
            M3uaFrameStatus status;
            uint declared;
            while ((status = M3uaFraming.TryTake(ref buffer, MaxMessageSize, out var message, out declared)) == M3uaFrameStatus.Message)
            {
                if (!DeliverSequence(message))
                {
                    _reader.AdvanceTo(buffer.Start, read.Buffer.End);
                    return;
                }
            }
            long unfinished = buffer.Length;
            _reader.AdvanceTo(buffer.Start, read.Buffer.End);

            if (status is M3uaFrameStatus.TooShort or M3uaFrameStatus.TooLong)
            {
                GoingDown(M3uaDownReason.FramingError, new M3uaTransportException(
                    $"The peer sent an M3UA length of {declared} octets; a message is {M3uaFraming.HeaderLength} to {MaxMessageSize} octets. " +
                    "The byte stream cannot be framed any further, so the connection is closed."));
                return;
            }
            if (read.IsCompleted)
            {
                GoingDown(M3uaDownReason.ClosedByPeer, unfinished == 0
                    ? null
                    : new M3uaTransportException($"The peer closed the connection {unfinished} octets into a message."));
                return;
            }
            if (read.IsCanceled) return;
        }
    }

    private bool DeliverSequence(in ReadOnlySequence<byte> message)
    {
        if (message.IsSingleSegment) return Deliver(0, message.FirstSpan);

        // The message straddles pipe segments: the receiver gets one contiguous span, from a pooled copy.
        int length = (int)message.Length;
        byte[] copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            message.CopyTo(copy);
            return Deliver(0, copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private protected override async ValueTask SendCoreAsync(ReadOnlyMemory<byte> message, ushort stream, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
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
        _reader.Complete();
        _stream.Dispose();
        _socket.Dispose();
        SocketLedger.Close();
    }
}
