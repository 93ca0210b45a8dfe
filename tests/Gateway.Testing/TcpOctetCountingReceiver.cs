using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Gateway.Testing;

/// <summary>
/// A TCP syslog server on 127.0.0.1 that parses RFC 6587 octet-counted frames (<c>LEN SP MSG</c>)
/// from every accepted connection and queues the messages in arrival order. A framing violation
/// is queued as an <see cref="InvalidDataException"/> that <see cref="ReceiveAsync(CancellationToken)"/> throws.
/// </summary>
public sealed class TcpOctetCountingReceiver : IDisposable
{
    private readonly Socket _listener;
    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>();
    private readonly Channel<int> _accepted = Channel.CreateUnbounded<int>();
    private readonly List<Socket> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private int _acceptedCount;

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0 = any free port).</summary>
    public TcpOctetCountingReceiver(int port = 0)
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            _listener.Listen(16);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }

        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Host => "127.0.0.1";

    /// <summary>Connections accepted so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _acceptedCount);

    /// <summary>Waits for the next message.</summary>
    public async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        Frame frame = await _frames.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return frame.Error is not null ? throw frame.Error : frame.Message!;
    }

    /// <summary>Waits for the next message at most <paramref name="timeout"/>.</summary>
    public async Task<string> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await ReceiveAsync(cts.Token).ConfigureAwait(false);
    }

    /// <summary>Waits until a connection is accepted; returns how many have been accepted.</summary>
    public async Task<int> WaitForConnectionAsync(CancellationToken cancellationToken) =>
        await _accepted.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Closes every accepted connection (the listener stays open), as a server restart would.</summary>
    public void DropConnections()
    {
        lock (_connections)
        {
            foreach (Socket connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        DropConnections();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                Socket connection = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                lock (_connections)
                {
                    _connections.Add(connection);
                }

                int count = Interlocked.Increment(ref _acceptedCount);
                _accepted.Writer.TryWrite(count);
                _ = ReadLoopAsync(connection);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // listener closed
        }
    }

    private async Task ReadLoopAsync(Socket connection)
    {
        var pending = new List<byte>();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                int read = await connection.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                pending.AddRange(buffer.AsSpan(0, read));
                if (!ParseFrames(pending))
                {
                    connection.Dispose();
                    return;
                }
            }

            if (pending.Count > 0)
            {
                _frames.Writer.TryWrite(new Frame(null, new InvalidDataException($"Connection closed inside a frame ({pending.Count} bytes left).")));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // dropped by DropConnections/Dispose or reset by the client
        }
    }

    /// <summary>Moves complete frames from <paramref name="pending"/> to the queue; false on a framing error.</summary>
    private bool ParseFrames(List<byte> pending)
    {
        while (true)
        {
            int space = pending.IndexOf((byte)' ');
            if (space < 0)
            {
                if (pending.Count > 10 || pending.Exists(b => b is < (byte)'0' or > (byte)'9'))
                {
                    return Fail("frame does not start with MSG-LEN SP");
                }

                return true;
            }

            if (space == 0 || space > 10 || pending[0] == (byte)'0')
            {
                return Fail("invalid MSG-LEN");
            }

            int length = 0;
            for (int i = 0; i < space; i++)
            {
                byte b = pending[i];
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return Fail("non-digit in MSG-LEN");
                }

                length = (length * 10) + (b - '0');
            }

            if (pending.Count < space + 1 + length)
            {
                return true;
            }

            byte[] message = pending.GetRange(space + 1, length).ToArray();
            pending.RemoveRange(0, space + 1 + length);
            _frames.Writer.TryWrite(new Frame(Encoding.UTF8.GetString(message), null));
        }

        bool Fail(string reason)
        {
            _frames.Writer.TryWrite(new Frame(null, new InvalidDataException("Octet-counting framing error: " + reason)));
            return false;
        }
    }

    private sealed record Frame(string? Message, Exception? Error);
}
