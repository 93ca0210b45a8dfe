using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>Opens M3UA associations over kernel SCTP (the client side: an ASP towards an SGP, or one side of an IPSP pair).</summary>
public static class M3uaSctpClient
{
    /// <summary>
    /// Sets up an association to all of <paramref name="remote"/>'s addresses (sctp_connectx), from all of
    /// <paramref name="local"/>'s when given (sctp_bindx; otherwise the kernel offers every local address). The
    /// connection is started: its receiver hears ConnectionUp first. Throws <see cref="SctpUnavailableException"/> when
    /// the kernel has no SCTP, <see cref="M3uaTransportException"/> (with the errno) when the association cannot be set
    /// up, and <see cref="OperationCanceledException"/> when cancelled. Retrying is the association layer's decision.
    /// </summary>
    public static async Task<M3uaConnection> ConnectAsync(
        SctpEndpoint remote, IM3uaTransportReceiver receiver, M3uaTransportOptions? options = null,
        SctpEndpoint? local = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(receiver);
        options ??= M3uaTransportOptions.Default;
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        AddressFamily family = SctpFamily.For(remote, local);
        SafeSocketHandle handle = SctpSocket.Open(family);
        Socket? socket = null;
        try
        {
            SctpSocket.Configure(handle, options);
            if (local is not null) SctpSocket.Bind(handle, local);
            // sctp_connectx blocks until INIT succeeds or runs out of retries.
            await BlockingConnect.RunAsync(() => SctpSocket.Connect(handle, remote), () => SctpSocket.Shutdown(handle), cancellationToken).ConfigureAwait(false);

            // Wrapped only now, so that .NET reads the connected state and both addresses from the handle.
            socket = new Socket(handle);
            (int inbound, int outbound) = SctpSocket.Streams(handle);
            var connection = new M3uaSctpConnection(socket, receiver, options, inbound, outbound);
            connection.Start();
            return connection;
        }
        catch
        {
            if (socket is not null) socket.Dispose();
            else handle.Dispose();
            SocketLedger.Close();
            throw;
        }
    }
}
