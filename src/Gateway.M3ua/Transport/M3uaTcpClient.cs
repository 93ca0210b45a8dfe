using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>Opens M3UA connections over TCP (the client side: an ASP towards an SGP, or one side of an IPSP pair).</summary>
public static class M3uaTcpClient
{
    /// <summary>
    /// Connects to <paramref name="remote"/>, from <paramref name="local"/> when given (a peer that checks source
    /// addresses needs a fixed one). The connection is started: its receiver hears ConnectionUp first. A failed connect
    /// throws the <see cref="SocketException"/>; retrying is the association layer's decision.
    /// </summary>
    public static async Task<M3uaConnection> ConnectAsync(
        IPEndPoint remote, IM3uaTransportReceiver receiver, M3uaTransportOptions? options = null,
        IPEndPoint? local = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(receiver);
        options ??= M3uaTransportOptions.Default;
        options.Validate();

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        SocketLedger.Open();
        try
        {
            if (local is not null) socket.Bind(local);
            await BlockingConnect.RunAsync(() => socket.Connect(remote), () => Abandon(socket), cancellationToken).ConfigureAwait(false);
            var connection = new M3uaTcpConnection(socket, receiver, options);
            connection.Start();
            return connection;
        }
        catch
        {
            socket.Dispose();
            SocketLedger.Close();
            throw;
        }
    }

    private static void Abandon(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Connected or failed in the meantime: the connect's own outcome, then the token, decide.
        }
    }
}
