using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua.Management.Tests;

/// <summary>
/// A peer that misbehaves on purpose, written on a bare TCP listener rather than an <see cref="M3uaAssociation"/> so it
/// can do what a correct one never would: accept and then say nothing, or complete bring-up and then ignore BEAT.
/// </summary>
internal sealed class RawM3uaPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _answersBringUp;
    private readonly Task _accepting;

    /// <param name="answersBringUp">
    /// True: ASPUP and ASPAC are acknowledged (so traffic may flow), nothing else is answered, BEAT included.
    /// False: nothing is ever answered.
    /// </param>
    public RawM3uaPeer(bool answersBringUp)
    {
        _answersBringUp = answersBringUp;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Every connection accepted, in order.</summary>
    public ConcurrentQueue<RawPeerConnection> Connections { get; } = new();

    private async Task AcceptAsync()
    {
        var serving = new List<Task>();
        try
        {
            while (true)
            {
                TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var connection = new RawPeerConnection(client);
                Connections.Enqueue(connection);
                serving.Add(ServeAsync(connection));
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(serving);
    }

    private async Task ServeAsync(RawPeerConnection connection)
    {
        NetworkStream stream = connection.Client.GetStream();
        var header = new byte[8];
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(header, _stop.Token);
                int length = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
                var message = new byte[length];
                header.CopyTo(message, 0);
                await stream.ReadExactlyAsync(message.AsMemory(8), _stop.Token);
                if (!M3uaSignalCodec.TryDecode(message, out M3uaSignal signal).Succeeded) continue;
                connection.Received.Enqueue(signal.Type);
                M3uaSignal? answer = !_answersBringUp ? null : signal.Type switch
                {
                    M3uaMessageType.AspUp => M3uaSignal.AspUpAck(null),
                    M3uaMessageType.AspAc => M3uaSignal.Traffic(M3uaMessageType.AspAcAck, signal.TrafficMode, signal.RoutingContexts.ToArray()),
                    _ => null,
                };
                if (answer is M3uaSignal reply)
                {
                    var buffer = new byte[M3uaSignalCodec.DefaultBufferSize];
                    Assert.True(M3uaSignalCodec.TryEncode(in reply, buffer, out int written).Succeeded);
                    await stream.WriteAsync(buffer.AsMemory(0, written), _stop.Token);
                }
            }
        }
        catch (Exception)
        {
            // End of stream (the client closed), a reset, or our own stop: the connection is over either way.
        }
        finally
        {
            connection.MarkClosed();
            connection.Client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
