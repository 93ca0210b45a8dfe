using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// Accepts M3UA connections over TCP from configured peer addresses only; any other address is reset at once and
/// reported through <see cref="IM3uaTransportReceiver.PeerRefused"/>. Disposing it closes the listener and every
/// connection it accepted.
/// </summary>
public sealed class M3uaTcpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly PeerAddressFilter _peers;
    private readonly IM3uaTransportReceiver _receiver;
    private readonly M3uaTransportOptions _options;
    private readonly ConnectionTable _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public M3uaTcpServer(IPEndPoint bindTo, IEnumerable<IPAddress> allowedPeers, IM3uaTransportReceiver receiver, M3uaTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bindTo);
        ArgumentNullException.ThrowIfNull(receiver);
        _peers = new PeerAddressFilter(allowedPeers);
        _receiver = receiver;
        _options = options ?? M3uaTransportOptions.Default;
        _options.Validate();

        _listener = new Socket(bindTo.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        SocketLedger.Open();
        try
        {
            // A restarted gateway must get its well-known port back while old connections linger in TIME_WAIT.
            _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Bind(bindTo);
            _listener.Listen(_options.ListenBacklog);
        }
        catch
        {
            _listener.Dispose();
            SocketLedger.Close();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public int ConnectionCount => _connections.Count;

    public void Start() => _loop = Task.Run(AcceptLoop);

    private async Task AcceptLoop()
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
                // A connection reset before we took it: the next one is unaffected.
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
            // A reset, not a FIN: nothing was ever going to be exchanged on it.
            accepted.LingerState = new LingerOption(true, 0);
            accepted.Dispose();
            SocketLedger.Close();
            NotifyRefused(remote);
            return;
        }

        var connection = new M3uaTcpConnection(accepted, _receiver, _options) { Removed = _connections.Remove };
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
}
