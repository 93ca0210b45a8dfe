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
            await ConnectOnOwnThread(socket, remote, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// A blocking connect on a thread of its own, not Socket.ConnectAsync: an awaited connect registers the socket with
    /// the runtime's epoll for the rest of its life, and every segment the peer sends then wakes the runtime's socket
    /// thread and a pool thread as well as the connection's receive thread (docs/performance.md). Cancelling shuts the
    /// socket down, which ends a connect still waiting for the peer's SYN-ACK.
    /// </summary>
    private static async Task ConnectOnOwnThread(Socket socket, IPEndPoint remote, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Task connect = Task.Factory.StartNew(
            () => socket.Connect(remote), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await using (cancellationToken.Register(() => Abandon(socket)).ConfigureAwait(false))
        {
            try
            {
                await connect.ConfigureAwait(false);
            }
            catch (SocketException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
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
