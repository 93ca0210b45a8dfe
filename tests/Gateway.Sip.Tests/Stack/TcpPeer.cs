using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip.Tests.Stack;

/// <summary>A scripted raw SIP peer on one TCP connection: sends literal SIP, frames what comes back with the stream parser.</summary>
internal sealed class TcpPeer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private byte[] _buffer = new byte[256 * 1024];
    private int _buffered;

    private TcpPeer(Socket socket)
    {
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public string Address => EndPoint.ToString();

    /// <summary>Connects to <paramref name="remote"/>.</summary>
    public static TcpPeer Connect(IPEndPoint remote)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(remote);
        return new TcpPeer(socket);
    }

    /// <summary>Wraps a connection a test listener accepted.</summary>
    public static TcpPeer Accepted(Socket socket) => new(socket);

    public void Send(byte[] message) => _socket.Send(message);

    /// <summary>The next message on the stream, parsed.</summary>
    /// <param name="lenient">Accept a message the parser rejects but can frame (see <see cref="WireMessage"/>).</param>
    public async Task<WireMessage> ReceiveAsync(bool lenient = false)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (_buffered > 0)
            {
                var sequence = new ReadOnlySequence<byte>(_buffer, 0, _buffered);
                SipParseResult result = SipParser.TryParseStream(sequence, out SequencePosition consumed, out _, out SipMessage? message);
                if (result.Status == SipParseStatus.Complete || (lenient && result.Status == SipParseStatus.Invalid && !result.FramingLost))
                {
                    int length = (int)sequence.Slice(0, consumed).Length;
                    var wire = new WireMessage(_buffer.AsSpan(0, length), lenient);
                    message?.Dispose();
                    Buffer.BlockCopy(_buffer, length, _buffer, 0, _buffered - length);
                    _buffered -= length;
                    return wire;
                }

                Assert.True(result.Status == SipParseStatus.NeedMoreData, $"the stack sent an unframeable stream: {result}");
            }

            int read;
            try
            {
                read = await _socket.ReceiveAsync(_buffer.AsMemory(_buffered), SocketFlags.None, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException("The TCP peer received nothing.");
            }

            Assert.True(read > 0, "The stack closed the connection.");
            _buffered += read;
        }
    }

    /// <summary>
    /// A CRLFCRLF ping answered by a CRLF pong (RFC 5626): the stack's loop for this connection is sequential, so once the
    /// pong is here everything sent before the ping has been handled, callbacks returned and messages released.
    /// </summary>
    public async Task SyncAsync()
    {
        _socket.Send("\r\n\r\n"u8);
        using var timeout = new CancellationTokenSource(Patience);
        while (_buffered < 2)
        {
            int read = await _socket.ReceiveAsync(_buffer.AsMemory(_buffered), SocketFlags.None, timeout.Token);
            Assert.True(read > 0, "The stack closed the connection.");
            _buffered += read;
        }

        Assert.Equal("\r\n"u8.ToArray(), _buffer.AsSpan(0, 2).ToArray());
        Buffer.BlockCopy(_buffer, 2, _buffer, 0, _buffered - 2);
        _buffered -= 2;
    }

    /// <summary>Waits for the stack to close the connection, with nothing more sent before.</summary>
    public async Task AssertClosedAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        int read = await _socket.ReceiveAsync(_buffer.AsMemory(_buffered), SocketFlags.None, timeout.Token);
        Assert.Equal(0, read);
    }

    public void Dispose() => _socket.Dispose();
}
