using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip;

/// <summary>
/// Accepts SIP over TCP and opens outgoing connections, keeping one table of live connections by remote address so that
/// a response goes back on the connection its request came in on (RFC 3261 §18.2.2) and requests to a peer reuse one.
/// </summary>
public sealed class SipTcpListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly IStreamReceiver _receiver;
    private readonly TimeProvider _time;
    private readonly TimeSpan _incompleteTimeout;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<IPEndPoint, SipStreamConnection> _connections = [];
    private readonly Lock _gate = new();
    private Task _loop = Task.CompletedTask;

    public SipTcpListener(IPEndPoint bindTo, IStreamReceiver receiver, TimeProvider time, TimeSpan incompleteTimeout)
    {
        _receiver = new ClosingReceiver(this, receiver);
        _time = time;
        _incompleteTimeout = incompleteTimeout;
        _socket = new Socket(bindTo.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _socket.Bind(bindTo);
            _socket.Listen(512);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public int ConnectionCount
    {
        get
        {
            lock (_gate) return _connections.Count;
        }
    }

    public void Start() => _loop = Task.Run(AcceptLoop);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                Socket accepted = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
                Add(accepted);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                // A connection reset before we accepted it: the next one is unaffected.
            }
        }
    }

    private SipStreamConnection Add(Socket socket)
    {
        var connection = new SipStreamConnection(socket, _receiver, _time, _incompleteTimeout);
        lock (_gate) _connections[connection.Remote] = connection;
        connection.Start();
        return connection;
    }

    /// <summary>The live connection to <paramref name="remote"/>, if there is one.</summary>
    public SipStreamConnection? Find(IPEndPoint remote)
    {
        lock (_gate) return _connections.GetValueOrDefault(remote);
    }

    /// <summary>The live connection to <paramref name="remote"/>, or a new one from our listening address's family.</summary>
    public async Task<SipStreamConnection> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (Find(remote) is { IsClosed: false } existing) return existing;
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
            return Add(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Removed(SipStreamConnection connection)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connection.Remote, out var current) && ReferenceEquals(current, connection))
            {
                _connections.Remove(connection.Remote);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        SipStreamConnection[] open;
        lock (_gate) open = [.. _connections.Values];
        foreach (var c in open) await c.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Keeps the table in step with connections that close, before the real receiver hears of it.</summary>
    private sealed class ClosingReceiver(SipTcpListener owner, IStreamReceiver inner) : IStreamReceiver
    {
        public StreamReadResult Received(SipStreamConnection connection, in System.Buffers.ReadOnlySequence<byte> buffer) =>
            inner.Received(connection, buffer);

        public void ConnectionClosed(SipStreamConnection connection)
        {
            owner.Removed(connection);
            inner.ConnectionClosed(connection);
        }
    }
}
