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
    private readonly IM3uaTransportReceiver _receiver;
    private readonly M3uaTransportOptions _options;
    private readonly AcceptLoop _accept;

    public M3uaTcpServer(IPEndPoint bindTo, IEnumerable<IPAddress> allowedPeers, IM3uaTransportReceiver receiver, M3uaTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bindTo);
        ArgumentNullException.ThrowIfNull(receiver);
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
        _accept = new AcceptLoop(_listener, new PeerAddressFilter(allowedPeers), receiver, Refuse,
            accepted => new M3uaTcpConnection(accepted, _receiver, _options));
    }

    public IPEndPoint LocalEndPoint { get; }

    public int ConnectionCount => _accept.ConnectionCount;

    public void Start() => _accept.Start();

    public ValueTask DisposeAsync() => _accept.DisposeAsync();

    private static void Refuse(Socket accepted)
    {
        // A reset, not a FIN: nothing was ever going to be exchanged on it.
        accepted.LingerState = new LingerOption(true, 0);
        accepted.Dispose();
        SocketLedger.Close();
    }
}
