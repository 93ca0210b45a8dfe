using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// One M3UA connection, TCP or SCTP: it delivers whole messages to its <see cref="IM3uaTransportReceiver"/> and sends
/// whole messages on a stream. It knows nothing of M3UA beyond the length in the common header; choosing streams,
/// answering, retrying and reconnecting belong to the association layer above.
/// Each connection reads on a thread of its own, blocked in poll(2) until the kernel has something queued, and hands
/// each message to the receiver on that thread. Awaiting the socket instead cost two wakeups per read (the runtime's
/// epoll thread, then a pool thread to run the continuation); on the few associations a gateway has, a thread each
/// costs nothing (docs/performance.md, item 17).
/// </summary>
public abstract class M3uaConnection : IAsyncDisposable
{
    private readonly IM3uaTransportReceiver _receiver;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _downGate = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private M3uaConnectionDown? _down;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    private protected M3uaConnection(
        M3uaTransportKind transport, IM3uaTransportReceiver receiver, M3uaTransportOptions options,
        IPEndPoint local, IPEndPoint remote, int inboundStreams, int outboundStreams)
    {
        Transport = transport;
        _receiver = receiver;
        MaxMessageSize = options.MaxMessageSize;
        Local = local;
        Remote = remote;
        InboundStreams = inboundStreams;
        OutboundStreams = outboundStreams;
    }

    public M3uaTransportKind Transport { get; }

    /// <summary>The local address; for a multi-homed SCTP association, the one the socket reports first.</summary>
    public IPEndPoint Local { get; }

    /// <summary>The peer's address; for a multi-homed SCTP association, its primary path when the association came up.</summary>
    public IPEndPoint Remote { get; }

    /// <summary>Streams the peer may send on. TCP has none and says 1.</summary>
    public int InboundStreams { get; }

    /// <summary>
    /// Streams this side may send on, as negotiated: the smaller of what we asked for and what the peer accepts.
    /// TCP has none and says 1: the stream given to <see cref="SendAsync"/> is then ignored and ordering is global.
    /// </summary>
    public int OutboundStreams { get; }

    public int MaxMessageSize { get; }

    public bool IsOpen => !_closing.IsCancellationRequested;

    /// <summary>Completes once the connection is down and the receiver has been told.</summary>
    public Task Completion => _loop;

    /// <summary>Cancelled as soon as the connection starts to close, whoever closes it.</summary>
    private protected CancellationToken Closing => _closing.Token;

    /// <summary>Lets a server forget a connection before its receiver hears that it is down.</summary>
    internal Action<M3uaConnection>? Removed { get; set; }

    internal void Start()
    {
        _loop = _stopped.Task;
        new Thread(Run) { IsBackground = true, Name = "m3ua-receive" }.Start();
    }

    private void Run()
    {
        try
        {
            if (NotifyUp()) ReceiveLoop();
        }
        catch (Exception e)
        {
            // A socket error the loop did not expect; after a close, only a consequence of it (the first cause is kept).
            GoingDown(Classify(e), e);
        }
        finally
        {
            _closing.Cancel();
            try
            {
                ReleaseTransport();
            }
            catch (Exception)
            {
                // An exception leaving this thread would end the process; the socket is as closed as it will get.
            }
            try
            {
                Removed?.Invoke(this);
                M3uaConnectionDown down;
                lock (_downGate) down = _down ?? new M3uaConnectionDown(M3uaDownReason.ClosedByPeer);
                _receiver.ConnectionDown(this, down);
            }
            catch (Exception)
            {
                // Nothing is left to close: the receiver's fault ends here.
            }
            finally
            {
                _stopped.TrySetResult();
            }
        }
    }

    private bool NotifyUp()
    {
        try
        {
            _receiver.ConnectionUp(this);
            return true;
        }
        catch (Exception e)
        {
            GoingDown(M3uaDownReason.ReceiverFailed, e);
            return false;
        }
    }

    /// <summary>Reads until the connection is down, recording why through <see cref="GoingDown"/>.</summary>
    private protected abstract void ReceiveLoop();

    /// <summary>
    /// Blocks until <paramref name="socket"/> has data, a notification, an error or the end of the stream queued;
    /// false once the connection is closing. <see cref="Close"/> shuts the socket down, which wakes the wait.
    /// </summary>
    private protected bool WaitUntilReadable(Socket socket)
    {
        try
        {
            socket.Poll(-1, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            GoingDown(IsOpen ? Classify(e) : M3uaDownReason.ClosedLocally, IsOpen ? e : null);
            return false;
        }
        return IsOpen;
    }

    /// <summary>Starts closing the socket (orderly where possible) so that a pending read returns.</summary>
    private protected abstract void ShutdownTransport();

    /// <summary>Closes the socket and returns the pooled buffers; runs once, after the receive loop.</summary>
    private protected abstract void ReleaseTransport();

    /// <summary>Writes one whole, validated message; never called concurrently.</summary>
    private protected abstract ValueTask SendCoreAsync(ReadOnlyMemory<byte> message, ushort stream, CancellationToken cancellationToken);

    /// <summary>Hands one message to the receiver; false when the receiver threw and the connection must stop.</summary>
    private protected bool Deliver(ushort stream, ReadOnlySpan<byte> message)
    {
        try
        {
            _receiver.MessageReceived(this, stream, message);
            return true;
        }
        catch (Exception e)
        {
            GoingDown(M3uaDownReason.ReceiverFailed, e);
            return false;
        }
    }

    private protected bool Report(SctpNotification notification)
    {
        try
        {
            _receiver.AssociationEvent(this, notification);
            return true;
        }
        catch (Exception e)
        {
            GoingDown(M3uaDownReason.ReceiverFailed, e);
            return false;
        }
    }

    /// <summary>Records why the connection goes down; the first cause wins, later ones are its consequences.</summary>
    private protected void GoingDown(M3uaDownReason reason, Exception? error = null)
    {
        lock (_downGate) _down ??= new M3uaConnectionDown(reason, error);
        _closing.Cancel();
    }

    /// <summary>How an error ends a connection: a reset or abort by the peer, or anything else.</summary>
    private protected static M3uaDownReason Classify(Exception e)
    {
        if ((e as SocketException ?? e.InnerException as SocketException) is { } socket)
        {
            return socket.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown
                or SocketError.NotConnected or SocketError.TimedOut
                ? M3uaDownReason.Aborted
                : M3uaDownReason.IoError;
        }
        return e is M3uaTransportException { Errno: LinuxErrno.ECONNRESET or LinuxErrno.ECONNABORTED or LinuxErrno.EPIPE or LinuxErrno.ENOTCONN or LinuxErrno.ETIMEDOUT }
            ? M3uaDownReason.Aborted
            : M3uaDownReason.IoError;
    }

    /// <summary>
    /// Sends one whole message on <paramref name="stream"/> (SCTP; ignored on TCP). Messages are written one at a time
    /// in call order; the call completes when the kernel has taken the whole message, so a peer that stops reading
    /// slows the sender down instead of filling memory. Returns false when the connection is down or the write failed
    /// (the connection is then closed and its receiver told). Throws <see cref="ArgumentException"/> for a block that is
    /// not one message by its own header, and <see cref="ArgumentOutOfRangeException"/> for a stream the association
    /// does not have. Cancelling stops a wait for room; a TCP message cut off part-way closes the connection, because
    /// the peer could never find the next message boundary.
    /// </summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message, ushort stream = 0, CancellationToken cancellationToken = default)
    {
        M3uaFraming.ValidateOutgoing(message.Span, MaxMessageSize);
        ValidateStream(stream);
        if (!IsOpen) return false;

        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsOpen) return false;
            await SendCoreAsync(message, stream, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            GoingDown(IsOpen ? Classify(e) : M3uaDownReason.ClosedLocally, IsOpen ? e : null);
            ShutdownTransport();
            return false;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private protected virtual void ValidateStream(ushort stream)
    {
    }

    /// <summary>Closes the connection in order (TCP FIN, SCTP SHUTDOWN); the receiver hears ConnectionDown(ClosedLocally).</summary>
    public void Close()
    {
        if (!IsOpen) return;
        GoingDown(M3uaDownReason.ClosedLocally);
        ShutdownTransport();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Close();
        await _loop.ConfigureAwait(false);
        // The gate and the token source hold no wait handle or timer: left undisposed, a send racing this dispose
        // still finds the connection closed instead of an ObjectDisposedException.
    }

    public override string ToString() => $"{Transport} {Local} -> {Remote}";
}
