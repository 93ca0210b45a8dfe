using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.Testing;

/// <summary>A UDP socket bound on 127.0.0.1 (port 0 picks a free one) receiving syslog datagrams.</summary>
public sealed class UdpReceiver : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[65536];

    public UdpReceiver(int port = 0)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public string Host => "127.0.0.1";

    public async Task<byte[]> ReceiveBytesAsync(CancellationToken cancellationToken)
    {
        int received = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return _buffer.AsSpan(0, received).ToArray();
    }

    public async Task<byte[]> ReceiveBytesAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await ReceiveBytesAsync(cts.Token).ConfigureAwait(false);
    }

    public async Task<string> ReceiveAsync(CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await ReceiveBytesAsync(cancellationToken).ConfigureAwait(false));

    public async Task<string> ReceiveAsync(TimeSpan timeout) =>
        Encoding.UTF8.GetString(await ReceiveBytesAsync(timeout).ConfigureAwait(false));

    public void Dispose() => _socket.Dispose();
}
