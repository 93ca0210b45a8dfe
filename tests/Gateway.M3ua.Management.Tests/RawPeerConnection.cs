using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Gateway.M3ua.Management.Tests;

/// <summary>One connection a <see cref="RawM3uaPeer"/> accepted: what arrived on it, and whether the client closed it.</summary>
internal sealed class RawPeerConnection(TcpClient client)
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TcpClient Client { get; } = client;

    /// <summary>The type of every message received, in order.</summary>
    public ConcurrentQueue<M3uaMessageType> Received { get; } = new();

    /// <summary>Completes when the other end closed the connection (or it failed).</summary>
    public Task Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    public void MarkClosed() => _closed.TrySetResult();
}
