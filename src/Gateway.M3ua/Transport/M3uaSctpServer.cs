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
    private readonly IM3uaTransportReceiver _receiver;
    private readonly M3uaTransportOptions _options;
    private readonly AcceptLoop _accept;

    /// <summary>Binds and listens; throws <see cref="SctpUnavailableException"/> when the kernel has no SCTP.</summary>
    public M3uaSctpServer(SctpEndpoint local, IEnumerable<IPAddress> allowedPeers, IM3uaTransportReceiver receiver, M3uaTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(receiver);
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
        _accept = new AcceptLoop(listener, new PeerAddressFilter(allowedPeers), receiver, Refuse, Open);
        // .NET learned of the bind only through the handle: the kernel says which port it is.
        Port = local.Port != 0 ? local.Port : SctpSocket.LocalPort(handle);
    }

    /// <summary>The port the server listens on (the kernel's choice when port 0 was configured).</summary>
    public int Port { get; }

    public int ConnectionCount => _accept.ConnectionCount;

    public void Start() => _accept.Start();

    public ValueTask DisposeAsync() => _accept.DisposeAsync();

    private M3uaConnection? Open(Socket accepted)
    {
        try
        {
            // Inherited from the listener already; set again so that PPID 3 never depends on what a kernel copies.
            SctpSocket.SetDefaultStream(accepted.SafeHandle, 0);
            (int inbound, int outbound) = SctpSocket.Streams(accepted.SafeHandle);
            return new M3uaSctpConnection(accepted, _receiver, _options, inbound, outbound);
        }
        catch (Exception e) when (e is M3uaTransportException or SocketException or ObjectDisposedException)
        {
            // The association went away between accept and set-up.
            Refuse(accepted);
            return null;
        }
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
}
