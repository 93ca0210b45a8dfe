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
    public async Task<WireMessage> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (_buffered > 0)
            {
                var sequence = new ReadOnlySequence<byte>(_buffer, 0, _buffered);
                SipParseResult result = SipParser.TryParseStream(sequence, out SequencePosition consumed, out _, out SipMessage? message);
                if (result.Status == SipParseStatus.Complete)
                {
                    int length = (int)sequence.Slice(0, consumed).Length;
                    var wire = new WireMessage(message!.Span);
                    message.Dispose();
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

    /// <summary>Waits for the stack to close the connection, with nothing more sent before.</summary>
    public async Task AssertClosedAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        int read = await _socket.ReceiveAsync(_buffer.AsMemory(_buffered), SocketFlags.None, timeout.Token);
        Assert.Equal(0, read);
    }

    public void Dispose() => _socket.Dispose();
}
