using System.Net;
using System.Net.Sockets;

namespace Gateway.Logging;

/// <summary>
/// TCP with RFC 6587 octet-counting framing: <c>MSG-LEN SP SYSLOG-MSG</c>, MSG-LEN being the
/// UTF-8 byte count. Connect and each send are bounded by <see cref="SyslogSinkOptions.NetworkTimeout"/>;
/// a timed-out or failed send closes the connection (the stream position is unknown, so the
/// framing could not continue). A peer that closed its side is detected before sending.
/// </summary>
internal sealed class TcpOctetCountingConnection : SyslogConnection
{
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _timeout;

    public TcpOctetCountingConnection(SyslogSinkOptions options, TimeProvider clock)
        : base(options, clock)
    {
        _host = options.Host!;
        _port = options.Port;
        _timeout = options.NetworkTimeout;
    }

    protected override Socket Connect()
    {
        IPAddress address = NetworkAddress.Resolve(_host);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using (var timeout = new CancellationTokenSource(_timeout))
            {
                // Runs on the sink's writer thread (behind the async wrapper), so waiting is acceptable;
                // the timeout keeps a black-holed server from holding it for the kernel's SYN timeout.
                socket.ConnectAsync(new IPEndPoint(address, _port), timeout.Token).AsTask().GetAwaiter().GetResult();
            }

            socket.SendTimeout = (int)Math.Clamp(_timeout.TotalMilliseconds, 1, int.MaxValue);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    protected override SocketError Transmit(Socket socket, byte[] buffer, int offset, int count)
    {
        // Write "<count> " right in front of the message, in the reserved prefix.
        Span<byte> digits = stackalloc byte[11];
        count.TryFormat(digits, out int digitCount, default, System.Globalization.CultureInfo.InvariantCulture);
        int start = offset - digitCount - 1;
        digits[..digitCount].CopyTo(buffer.AsSpan(start));
        buffer[offset - 1] = (byte)' ';

        ReadOnlySpan<byte> frame = buffer.AsSpan(start, count + digitCount + 1);
        while (!frame.IsEmpty)
        {
            int sent = socket.Send(frame, SocketFlags.None, out SocketError error);
            if (error != SocketError.Success)
            {
                return error;
            }

            frame = frame[sent..];
        }

        return SocketError.Success;
    }

    // Nothing is transient on a stream: a partial frame would corrupt the framing.
    protected override bool IsTransient(SocketError error) => false;

    protected override bool PeerHasClosed(Socket socket)
    {
        // Syslog servers never send to us, so readability means FIN or RST.
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }
}
