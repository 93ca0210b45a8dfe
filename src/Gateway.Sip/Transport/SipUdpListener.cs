using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip;

/// <summary>
/// A bound UDP socket that receives datagrams into pooled buffers and sends datagrams. It never throws out of its
/// receive loop: a failed receive is counted and the loop goes on, since one bad datagram must not stop SIP.
/// </summary>
public sealed class SipUdpListener : IAsyncDisposable
{
    /// <summary>The largest UDP payload; RFC 3261 §18.1.1 moves bigger messages to TCP, but we must still read them whole.</summary>
    private const int MaxDatagram = 65_535;

    private readonly Socket _socket;
    private readonly IDatagramReceiver _receiver;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _receiveErrors;
    private long _sendErrors;

    public SipUdpListener(IPEndPoint bindTo, IDatagramReceiver receiver)
    {
        _receiver = receiver;
        _socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (bindTo.AddressFamily == AddressFamily.InterNetworkV6) _socket.DualMode = false;
            _socket.Bind(bindTo);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The bound address and port (the port chosen by the kernel when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    public long SendErrors => Interlocked.Read(ref _sendErrors);

    public void Start() => _loop = Task.Run(ReceiveLoop);

    private async Task ReceiveLoop()
    {
        var any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        // One receive buffer for the largest datagram, and each datagram copied out at its own size: the message that
        // owns the copy lives as long as its transaction (32 s after a 2xx), and thousands of 64 KiB buffers held that
        // long were most of the heap and of the GC's work under load.
        byte[] receive = new byte[MaxDatagram];
        while (!_stop.IsCancellationRequested)
        {
            byte[]? datagram = null;
            try
            {
                var result = await _socket.ReceiveFromAsync(receive, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                int length = result.ReceivedBytes;
                datagram = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                receive.AsSpan(0, length).CopyTo(datagram);
                byte[] handedOver = datagram;
                datagram = null;
                _receiver.DatagramReceived(this, (IPEndPoint)result.RemoteEndPoint, handedOver, length);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier send shows up here on Linux as ECONNREFUSED: not ours to stop on.
                Interlocked.Increment(ref _receiveErrors);
            }
            catch (Exception)
            {
                // The receiver failed on this datagram; the next one must still be read.
                Interlocked.Increment(ref _receiveErrors);
            }
            finally
            {
                if (datagram is not null) ArrayPool<byte>.Shared.Return(datagram);
            }
        }
    }

    /// <summary>Sends one datagram; false (and counted) when the kernel refused it.</summary>
    public bool Send(ReadOnlySpan<byte> datagram, IPEndPoint remote)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, remote);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _sendErrors);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
