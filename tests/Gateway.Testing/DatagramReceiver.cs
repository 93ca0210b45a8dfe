using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.Testing;

/// <summary>A bound datagram socket standing in for a syslog receiver; subclasses choose where it is bound.</summary>
public abstract class DatagramReceiver : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];

    protected DatagramReceiver(EndPoint bindTo, ProtocolType protocol)
    {
        _socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, protocol);
        try
        {
            _socket.Bind(bindTo);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    protected EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    /// <summary>Waits for the next datagram and returns its bytes.</summary>
    public async Task<byte[]> ReceiveBytesAsync(CancellationToken cancellationToken)
    {
        int received = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return _buffer.AsSpan(0, received).ToArray();
    }

    /// <summary>Waits for the next datagram, failing with <see cref="OperationCanceledException"/> after <paramref name="timeout"/>.</summary>
    public async Task<byte[]> ReceiveBytesAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await ReceiveBytesAsync(cts.Token).ConfigureAwait(false);
    }

    /// <summary>Waits for the next datagram and decodes it as UTF-8.</summary>
    public async Task<string> ReceiveAsync(CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await ReceiveBytesAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Waits for the next datagram (UTF-8) at most <paramref name="timeout"/>.</summary>
    public async Task<string> ReceiveAsync(TimeSpan timeout) =>
        Encoding.UTF8.GetString(await ReceiveBytesAsync(timeout).ConfigureAwait(false));

    public virtual void Dispose()
    {
        _socket.Dispose();
        GC.SuppressFinalize(this);
    }
}
