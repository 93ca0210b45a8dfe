using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// A blocking connect run on a thread of its own, so that it can be awaited without the runtime's socket engine: SCTP's
/// connectx is a system call .NET never started, and an awaited TCP connect would register the socket with the
/// runtime's epoll for the rest of its life, after which every segment the peer sends wakes the runtime's socket thread
/// and a pool thread as well as the connection's receive thread (docs/performance.md, item 17).
/// </summary>
internal static class BlockingConnect
{
    /// <summary>
    /// Runs <paramref name="connect"/>; cancelling calls <paramref name="abandon"/> (a shutdown of the socket, which
    /// ends a connect still waiting for the peer), and the connect's failure then surfaces as cancellation.
    /// </summary>
    public static async Task RunAsync(Action connect, Action abandon, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Task connecting = Task.Factory.StartNew(connect, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await using (cancellationToken.Register(abandon).ConfigureAwait(false))
        {
            try
            {
                await connecting.ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or M3uaTransportException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
