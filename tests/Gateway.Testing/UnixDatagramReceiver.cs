using System.Net.Sockets;
using System.Text;

namespace Gateway.Testing;

/// <summary>
/// A Unix datagram socket bound at a path, standing in for <c>/dev/log</c>. Dispose closes it and
/// removes the socket file, like a syslog daemon that stops.
/// </summary>
public sealed class UnixDatagramReceiver : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];

    public UnixDatagramReceiver(string path)
    {
        Path = path;
        File.Delete(path);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            _socket.Bind(new UnixDomainSocketEndPoint(path));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    public string Path { get; }

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

    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
    }
}
