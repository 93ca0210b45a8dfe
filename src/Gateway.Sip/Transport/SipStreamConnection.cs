using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip;

/// <summary>
/// One TCP connection carrying SIP: reads through a pipe into an <see cref="IStreamReceiver"/>, writes whole messages
/// one at a time. It closes itself when a peer leaves half a message unfinished for longer than the incomplete-message
/// timeout (a slow or hostile sender must not hold a connection and its buffer), and when told to.
/// </summary>
public sealed class SipStreamConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly IStreamReceiver _receiver;
    private readonly TimeProvider _time;
    private readonly TimeSpan _incompleteTimeout;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly ITimer _incompleteTimer;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    internal SipStreamConnection(Socket socket, IStreamReceiver receiver, TimeProvider time, TimeSpan incompleteTimeout)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(pool: MemoryPool<byte>.Shared, leaveOpen: true));
        _receiver = receiver;
        _time = time;
        _incompleteTimeout = incompleteTimeout;
        _incompleteTimer = time.CreateTimer(static s => ((SipStreamConnection)s!).IncompleteTimedOut(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
        Local = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint Remote { get; }

    public IPEndPoint Local { get; }

    /// <summary>Completes when the connection has closed, for whatever reason.</summary>
    public Task Completion => _loop;

    public bool IsClosed => _closed.IsCancellationRequested;

    internal void Start() => _loop = Task.Run(ReadLoop);

    private async Task ReadLoop()
    {
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                ReadResult read = await _reader.ReadAsync(_closed.Token).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = read.Buffer;
                StreamReadResult result = buffer.IsEmpty
                    ? new StreamReadResult(buffer.Start, buffer.End)
                    : _receiver.Received(this, buffer);
                _reader.AdvanceTo(result.Consumed, result.Examined);

                // Whatever was not consumed is the start of a message still arriving: it must finish in time.
                bool incomplete = !buffer.Slice(result.Consumed).IsEmpty;
                _incompleteTimer.Change(incomplete ? _incompleteTimeout : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                if (result.Close || read.IsCompleted || read.IsCanceled) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The peer went away or we closed: both end the loop the same way.
        }
        catch (Exception)
        {
            // A receiver bug must close this one connection, never the process.
        }
        finally
        {
            _closed.Cancel();
            _incompleteTimer.Dispose();
            await _reader.CompleteAsync().ConfigureAwait(false);
            _stream.Dispose();
            _receiver.ConnectionClosed(this);
        }
    }

    private void IncompleteTimedOut() => Close();

    /// <summary>Writes one whole message; false when the connection is closed or the write failed (it is then closed).</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message)
    {
        if (_closed.IsCancellationRequested) return false;
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(message, _closed.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Close();
            return false;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the connection; the read loop ends and the receiver is told.</summary>
    public void Close()
    {
        if (_closed.IsCancellationRequested) return;
        try
        {
            _closed.Cancel();
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Close();
        await _loop.ConfigureAwait(false);
        _writeGate.Dispose();
        _closed.Dispose();
    }
}
