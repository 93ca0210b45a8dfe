using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.Tracing;

/// <summary>
/// Sends each message the filter keeps to a HEP collector, one HEPv3 UDP datagram per message, from the caller's thread
/// on a non-blocking socket: a datagram the kernel cannot take at once is dropped and counted, never waited for.
/// Thread-safe.
/// </summary>
public sealed class HepExporter : ITraceSink, IDisposable
{
    private readonly Socket _socket;
    private readonly SocketAddress _collector;
    private readonly TraceFilter _filter;
    private readonly uint _captureAgentId;
    private readonly byte[] _authenticationKey;
    private volatile bool _disposed;
    private long _sent;
    private long _dropped;
    private long _filteredOut;

    public HepExporter(HepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _filter = options.Filter;
        _captureAgentId = options.CaptureAgentId;
        _authenticationKey = options.AuthenticationKey is null ? [] : Encoding.UTF8.GetBytes(options.AuthenticationKey);
        _collector = options.Collector.Serialize();
        _socket = new Socket(options.Collector.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
    }

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Messages not sent: too big for one datagram, refused by the socket, or recorded after disposal.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long FilteredOut => Interlocked.Read(ref _filteredOut);

    public void Record(in TracedMessage message)
    {
        if (message.Local is null || message.Remote is null)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (!_filter.Matches(in message))
        {
            Interlocked.Increment(ref _filteredOut);
            return;
        }

        int length = HepEncoder.GetEncodedLength(in message, _authenticationKey.Length);
        if (length > ushort.MaxValue || _disposed)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (HepEncoder.TryEncode(in message, _captureAgentId, _authenticationKey, buffer, out int written)
                && _socket.SendTo(buffer.AsSpan(0, written), SocketFlags.None, _collector) == written)
            {
                Interlocked.Increment(ref _sent);
            }
            else
            {
                Interlocked.Increment(ref _dropped);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Would block, no route, ICMP unreachable reported on a later send: the trace loses the message, the call does not.
            Interlocked.Increment(ref _dropped);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _socket.Dispose();
    }
}
