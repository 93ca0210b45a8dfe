using System.Net;
using System.Net.Sockets;

namespace Gateway.Logging;

/// <summary>
/// A socket to a syslog receiver that reconnects by itself. A send on a broken connection closes it
/// and, if the connection had worked before, reconnects and retries at once (the receiver restarted);
/// otherwise connect attempts back off exponentially between
/// <see cref="SyslogSinkOptions.ReconnectMinDelay"/> and <see cref="SyslogSinkOptions.ReconnectMaxDelay"/>,
/// and messages in between are dropped. Never throws from <see cref="Send"/>. Not thread-safe.
/// </summary>
internal abstract class SyslogConnection : IDisposable
{
    /// <summary>Bytes reserved in front of the message for framing (TCP octet count).</summary>
    public const int FramePrefixReserve = 12;

    private readonly TimeProvider _clock;
    private readonly TimeSpan _minDelay;
    private readonly TimeSpan _maxDelay;
    private TimeSpan _delay;
    private long _nextAttempt;
    private bool _disposed;

    protected SyslogConnection(SyslogSinkOptions options, TimeProvider clock)
    {
        _clock = clock;
        _minDelay = options.ReconnectMinDelay;
        _maxDelay = options.ReconnectMaxDelay;
        _delay = _minDelay;
        Target = options.Target;
    }

    /// <summary>Description of the destination for error reports.</summary>
    public string Target { get; }

    /// <summary>True while a socket is open.</summary>
    public bool IsConnected => Socket is not null;

    protected Socket? Socket { get; private set; }

    /// <summary>
    /// Sends <c>buffer[offset..offset+count]</c>. <paramref name="offset"/> must be at least
    /// <see cref="FramePrefixReserve"/> so a stream transport can write its frame header in front.
    /// <paramref name="error"/> is set when there is a new failure worth reporting.
    /// </summary>
    public SyslogSendResult Send(byte[] buffer, int offset, int count, out string? error)
    {
        error = null;
        if (_disposed)
        {
            return SyslogSendResult.Dropped;
        }

        bool fresh = false;
        if (Socket is null || PeerHasClosed(Socket))
        {
            CloseSocket();
            if (_clock.GetTimestamp() < _nextAttempt)
            {
                return SyslogSendResult.Dropped; // backing off; the failure was already reported
            }

            if (!TryConnect(out error))
            {
                return SyslogSendResult.Dropped;
            }

            fresh = true;
        }

        while (true)
        {
            SocketError result = Transmit(Socket!, buffer, offset, count);
            if (result == SocketError.Success)
            {
                _delay = _minDelay;
                return SyslogSendResult.Sent;
            }

            if (IsTransient(result))
            {
                error = Describe(result);
                return SyslogSendResult.Dropped;
            }

            CloseSocket();
            if (fresh)
            {
                error = Describe(result);
                ScheduleRetry();
                return SyslogSendResult.Dropped;
            }

            // The connection had worked: the receiver probably restarted, so try a new one right away, once.
            if (!TryConnect(out error))
            {
                return SyslogSendResult.Dropped; // TryConnect scheduled the retry
            }

            fresh = true;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseSocket();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens and connects a socket; throws on failure.</summary>
    protected abstract Socket Connect();

    /// <summary>Writes one message (with framing, if any); returns the socket error. A datagram by default.</summary>
    protected virtual SocketError Transmit(Socket socket, byte[] buffer, int offset, int count)
    {
        socket.Send(buffer.AsSpan(offset, count), SocketFlags.None, out SocketError error);
        return error;
    }

    /// <summary>A connected, non-blocking datagram socket: a full receiver drops the message instead of stalling the sink.</summary>
    protected static Socket ConnectDatagram(EndPoint endPoint, ProtocolType protocol)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, protocol);
        try
        {
            socket.Connect(endPoint);
            socket.Blocking = false;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Errors after which the socket stays usable (the message alone is lost).</summary>
    protected virtual bool IsTransient(SocketError error) =>
        error is SocketError.WouldBlock or SocketError.NoBufferSpaceAvailable or SocketError.MessageSize;

    /// <summary>True when the peer is known to have gone away before we send (stream sockets).</summary>
    protected virtual bool PeerHasClosed(Socket socket) => false;

    private static string Describe(SocketError error) => error switch
    {
        SocketError.WouldBlock => "receiver queue full (EAGAIN), message dropped",
        SocketError.NoBufferSpaceAvailable => "no buffer space (ENOBUFS), message dropped",
        SocketError.MessageSize => "message too long for the socket (EMSGSIZE), message dropped",
        _ => $"send failed: {error}",
    };

    private bool TryConnect(out string? error)
    {
        try
        {
            Socket = Connect();
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ArgumentException or ObjectDisposedException)
        {
            Socket = null;
            error = ex is OperationCanceledException ? "connect timed out" : "connect failed: " + ex.Message;
            ScheduleRetry();
            return false;
        }
    }

    private void ScheduleRetry()
    {
        _nextAttempt = _clock.GetTimestamp() + (long)(_delay.TotalSeconds * _clock.TimestampFrequency);
        TimeSpan doubled = _delay + _delay;
        _delay = doubled > _maxDelay ? _maxDelay : doubled;
    }

    private void CloseSocket()
    {
        Socket?.Dispose();
        Socket = null;
    }
}
