using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip;

/// <summary>
/// A bound UDP socket that receives datagrams on a thread of its own and sends datagrams. It never throws out of its
/// receive loop: a failed receive is counted and the loop goes on, since one bad datagram must not stop SIP.
/// </summary>
/// <remarks>
/// The receive is a blocking <c>recvmmsg</c> on a dedicated thread rather than an awaited receive: no hop through
/// epoll and the thread pool, which under load was a third of the gateway's CPU, and one system call for all the
/// datagrams that wait when the thread wakes (<see cref="DatagramBatch"/>). One thread keeps the order in which a
/// peer's datagrams arrived; what it runs per message is short.
/// </remarks>
public sealed class SipUdpListener : IAsyncDisposable
{
    /// <summary>The largest UDP payload; RFC 3261 §18.1.1 moves bigger messages to TCP, but we must still read them whole.</summary>
    private const int MaxDatagram = 65_535;

    /// <summary>
    /// The receive buffer asked of the kernel (which caps it at net.core.rmem_max): a burst of a few thousand
    /// messages, or a pause of the process for a garbage collection, must wait in the socket rather than be dropped.
    /// </summary>
    private const int ReceiveBufferBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Datagrams taken per system call at most: a wakeup under load finds a few, a garbage collection's pause a few
    /// hundred, which then take several calls.
    /// </summary>
    private const int BatchSize = 32;

    /// <summary>Distinct sources whose endpoint objects are kept; beyond it the cache starts again.</summary>
    private const int MaxCachedSources = 4096;

    private readonly Socket _socket;
    private readonly IDatagramReceiver _receiver;
    private readonly ConcurrentDictionary<IPEndPoint, SocketAddress> _sendAddresses = new();
    private Thread? _thread;
    private volatile bool _stopping;
    private long _receiveErrors;
    private long _sendErrors;

    public SipUdpListener(IPEndPoint bindTo, IDatagramReceiver receiver)
    {
        _receiver = receiver;
        _socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (bindTo.AddressFamily == AddressFamily.InterNetworkV6) _socket.DualMode = false;
            _socket.ReceiveBufferSize = ReceiveBufferBytes;
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

    /// <summary>The receive buffer the kernel granted, in bytes.</summary>
    public int ReceiveBufferSize => _socket.ReceiveBufferSize;

    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    public long SendErrors => Interlocked.Read(ref _sendErrors);

    public void Start()
    {
        _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = "sip-udp-receive" };
        _thread.Start();
    }

    private void ReceiveLoop()
    {
        using var batch = new DatagramBatch(BatchSize, MaxDatagram);
        var source = new SocketAddress(LocalEndPoint.AddressFamily);
        var endPoints = new Dictionary<SocketAddress, IPEndPoint>();
        while (!_stopping)
        {
            int count;
            int errno;
            try
            {
                count = batch.Receive(_socket.SafeHandle, out errno);
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            if (_stopping)
            {
                break;
            }

            if (count < 0)
            {
                // ICMP port unreachable from an earlier send shows up here on Linux as ECONNREFUSED: not ours to stop on.
                if (errno != DatagramSyscalls.EINTR) Interlocked.Increment(ref _receiveErrors);
                continue;
            }

            for (int i = 0; i < count; i++)
            {
                Deliver(batch, i, source, endPoints);
            }
        }
    }

    /// <summary>
    /// Hands datagram <paramref name="index"/> to the receiver in a pooled array of its own size: the message that owns
    /// it lives as long as its transaction, and thousands of 64 KiB buffers held that long were most of the heap and of
    /// the GC's work under load.
    /// </summary>
    private void Deliver(DatagramBatch batch, int index, SocketAddress source, Dictionary<SocketAddress, IPEndPoint> endPoints)
    {
        byte[]? datagram = null;
        try
        {
            ReadOnlySpan<byte> address = batch.Source(index);
            source.Size = address.Length;
            address.CopyTo(source.Buffer.Span);
            IPEndPoint remote = EndPointOf(source, endPoints);
            ReadOnlySpan<byte> bytes = batch.Datagram(index);
            datagram = ArrayPool<byte>.Shared.Rent(Math.Max(bytes.Length, 1));
            bytes.CopyTo(datagram);
            byte[] handedOver = datagram;
            datagram = null;
            _receiver.DatagramReceived(this, remote, handedOver, bytes.Length);
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

    /// <summary>
    /// The endpoint object for a source address: the same few PBXs and switches send nearly everything, so one object
    /// per source serves all their datagrams instead of one allocated per datagram.
    /// </summary>
    private IPEndPoint EndPointOf(SocketAddress source, Dictionary<SocketAddress, IPEndPoint> endPoints)
    {
        if (endPoints.TryGetValue(source, out IPEndPoint? known))
        {
            return known;
        }

        if (endPoints.Count >= MaxCachedSources)
        {
            endPoints.Clear();
        }

        var key = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(key.Buffer.Span);
        var created = (IPEndPoint)LocalEndPoint.Create(key);
        endPoints[key] = created;
        return created;
    }

    /// <summary>Sends one datagram; false (and counted) when the kernel refused it.</summary>
    public bool Send(ReadOnlySpan<byte> datagram, IPEndPoint remote)
    {
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, SocketAddressOf(remote));
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _sendErrors);
            return false;
        }
    }

    /// <summary>
    /// The kernel form of a destination, kept per endpoint: sending to an <see cref="IPEndPoint"/> serialises it into a
    /// new <see cref="SocketAddress"/> for every datagram, and the same few peers get nearly all of them. Sends come from
    /// several threads; a socket address is only read by a send.
    /// </summary>
    private SocketAddress SocketAddressOf(IPEndPoint remote)
    {
        if (_sendAddresses.TryGetValue(remote, out SocketAddress? known))
        {
            return known;
        }

        if (_sendAddresses.Count >= MaxCachedSources)
        {
            _sendAddresses.Clear();
        }

        return _sendAddresses.GetOrAdd(remote, static endPoint => endPoint.Serialize());
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        try
        {
            // Wakes the thread blocked in recvmmsg (Linux does so even for an unconnected UDP socket, then says ENOTCONN).
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        _socket.Dispose();
        _thread?.Join();
        return ValueTask.CompletedTask;
    }
}
