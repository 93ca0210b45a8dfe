using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// What the TCP and SCTP servers share once their listener is bound: accepting until disposed, refusing peers that
/// are not configured (reported through <see cref="IM3uaTransportReceiver.PeerRefused"/>), starting a connection for
/// each admitted one, and closing the listener and every connection at the end. The server only says how a refused
/// socket is closed and how an admitted one becomes a connection.
/// </summary>
internal sealed class AcceptLoop : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly PeerAddressFilter _peers;
    private readonly IM3uaTransportReceiver _receiver;
    private readonly Action<Socket> _refuse;
    private readonly Func<Socket, M3uaConnection?> _open;
    private readonly ConnectionTable _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    /// <param name="listener">Bound and listening; owned from now on.</param>
    /// <param name="peers">Who may connect.</param>
    /// <param name="receiver">Told of refused peers.</param>
    /// <param name="refuse">Closes a socket that will carry nothing (a reset or an ABORT, not an orderly close).</param>
    /// <param name="open">Makes an admitted socket a connection, not yet started; null when it went away meanwhile (it is then closed).</param>
    public AcceptLoop(Socket listener, PeerAddressFilter peers, IM3uaTransportReceiver receiver, Action<Socket> refuse, Func<Socket, M3uaConnection?> open)
    {
        _listener = listener;
        _peers = peers;
        _receiver = receiver;
        _refuse = refuse;
        _open = open;
    }

    public int ConnectionCount => _connections.Count;

    public void Start() => _loop = Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        _listener.Dispose();
        await _loop.ConfigureAwait(false);
        SocketLedger.Close();
        foreach (var connection in _connections.Snapshot()) await connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                // A connection reset or an association aborted before we took it: the next one is unaffected.
                continue;
            }
            SocketLedger.Open();
            Admit(accepted);
        }
    }

    private void Admit(Socket accepted)
    {
        var remote = (IPEndPoint)accepted.RemoteEndPoint!;
        if (!_peers.Allows(remote.Address))
        {
            _refuse(accepted);
            NotifyRefused(remote);
            return;
        }

        M3uaConnection? connection = _open(accepted);
        if (connection is null)
        {
            return;
        }

        connection.Removed = _connections.Remove;
        _connections.Add(connection);
        connection.Start();
    }

    private void NotifyRefused(IPEndPoint remote)
    {
        try
        {
            _receiver.PeerRefused(remote);
        }
        catch (Exception)
        {
            // Only a report: the refused socket is already closed and the server goes on.
        }
    }
}
