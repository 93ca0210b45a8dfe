using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// Accepts M3UA associations over kernel SCTP on one port and one or more local addresses (multi-homing), from
/// configured peer addresses only: any other peer is aborted at once and reported through
/// <see cref="IM3uaTransportReceiver.PeerRefused"/>. Disposing it closes the listener and every association it accepted.
/// </summary>
public sealed class M3uaSctpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly PeerAddressFilter _peers;
    private readonly IM3uaTransportReceiver _receiver;
    private readonly M3uaTransportOptions _options;
    private readonly ConnectionTable _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    /// <summary>Binds and listens; throws <see cref="SctpUnavailableException"/> when the kernel has no SCTP.</summary>
    public M3uaSctpServer(SctpEndpoint local, IEnumerable<IPAddress> allowedPeers, IM3uaTransportReceiver receiver, M3uaTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(receiver);
        _peers = new PeerAddressFilter(allowedPeers);
        _receiver = receiver;
        _options = options ?? M3uaTransportOptions.Default;
        _options.Validate();

        SafeSocketHandle handle = SctpSocket.Open(SctpFamily.For(local));
        Socket? listener = null;
        try
        {
            SctpSocket.Configure(handle, _options);
            SctpSocket.ReuseAddress(handle);
            SctpSocket.Bind(handle, local);
            // Wrapped after the bind, so that .NET reads the bound address from the handle.
            listener = new Socket(handle);
            listener.Listen(_options.ListenBacklog);
        }
        catch
        {
            if (listener is not null) listener.Dispose();
            else handle.Dispose();
            SocketLedger.Close();
            throw;
        }
        _listener = listener;
        // .NET learned of the bind only through the handle: the kernel says which port it is.
        Port = local.Port != 0 ? local.Port : SctpSocket.LocalPort(handle);
    }

    /// <summary>The port the server listens on (the kernel's choice when port 0 was configured).</summary>
    public int Port { get; }

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
                // An association aborted before we took it: the next one is unaffected.
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
            Refuse(accepted);
            NotifyRefused(remote);
            return;
        }

        M3uaSctpConnection connection;
        try
        {
            // Inherited from the listener already; set again so that PPID 3 never depends on what a kernel copies.
            SctpSocket.SetDefaultStream(accepted.SafeHandle, 0);
            (int inbound, int outbound) = SctpSocket.Streams(accepted.SafeHandle);
            connection = new M3uaSctpConnection(accepted, _receiver, _options, inbound, outbound) { Removed = _connections.Remove };
        }
        catch (Exception e) when (e is M3uaTransportException or SocketException or ObjectDisposedException)
        {
            // The association went away between accept and set-up.
            Refuse(accepted);
            return;
        }
        _connections.Add(connection);
        connection.Start();
    }

    private static void Refuse(Socket accepted)
    {
        try
        {
            // ABORT, not SHUTDOWN: nothing was ever going to be exchanged on it.
            accepted.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        accepted.Dispose();
        SocketLedger.Close();
    }

    private void NotifyRefused(IPEndPoint remote)
    {
        try
        {
            _receiver.PeerRefused(remote);
        }
        catch (Exception)
        {
            // Only a report: the refused association is already aborted and the server goes on.
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
