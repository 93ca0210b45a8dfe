using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Gateway.Testing;

namespace Gateway.Sip.Tests.Transport;

public sealed class SipTcpListenerTests
{
    /// <summary>Frames on '\n', as a stand-in for SIP's Content-Length framing; "close\n" asks to close.</summary>
    private sealed class LineReceiver : IStreamReceiver
    {
        public Channel<(SipStreamConnection Connection, string Line)> Lines { get; } = Channel.CreateUnbounded<(SipStreamConnection, string)>();
        public Channel<SipStreamConnection> Closed { get; } = Channel.CreateUnbounded<SipStreamConnection>();

        public StreamReadResult Received(SipStreamConnection connection, in ReadOnlySequence<byte> buffer)
        {
            var reader = new SequenceReader<byte>(buffer);
            bool close = false;
            while (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                string text = Encoding.UTF8.GetString(line);
                if (text == "close") close = true;
                Lines.Writer.TryWrite((connection, text));
            }
            return new StreamReadResult(reader.Position, buffer.End, close);
        }

        public void ConnectionClosed(SipStreamConnection connection) => Closed.Writer.TryWrite(connection);
    }

    private static async Task<T> Next<T>(Channel<T> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    private static Socket Connect(IPEndPoint to)
    {
        var socket = new Socket(to.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(to);
        return socket;
    }

    [Fact]
    public async Task Frames_split_and_pipelined_messages_and_answers_on_the_same_connection()
    {
        var receiver = new LineReceiver();
        await using var listener = new SipTcpListener(new IPEndPoint(IPAddress.Loopback, 0), receiver, TimeProvider.System, TimeSpan.FromSeconds(30));
        listener.Start();
        using var peer = Connect(listener.LocalEndPoint);

        peer.Send("INV"u8);
        peer.Send("ITE\nBYE\nACK"u8);
        peer.Send("\n"u8);
        var (connection, first) = await Next(receiver.Lines);
        Assert.Equal("INVITE", first);
        Assert.Equal("BYE", (await Next(receiver.Lines)).Line);
        Assert.Equal("ACK", (await Next(receiver.Lines)).Line);
        Assert.Equal(peer.LocalEndPoint, connection.Remote);
        Assert.Same(connection, listener.Find((IPEndPoint)peer.LocalEndPoint!));

        Assert.True(await connection.SendAsync("200\n"u8.ToArray()));
        var buffer = new byte[16];
        peer.ReceiveTimeout = 10_000;
        Assert.Equal("200\n", Encoding.UTF8.GetString(buffer, 0, peer.Receive(buffer)));
    }

    [Fact]
    public async Task An_unfinished_message_closes_the_connection_after_the_timeout()
    {
        var time = new ManualTimeProvider();
        var receiver = new LineReceiver();
        await using var listener = new SipTcpListener(new IPEndPoint(IPAddress.Loopback, 0), receiver, time, TimeSpan.FromSeconds(5));
        listener.Start();
        using var peer = Connect(listener.LocalEndPoint);

        var armed = time.NextTimerArmed(TimeSpan.FromSeconds(5));
        peer.Send("INVITE sip:slow"u8);
        await armed.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));

        await Next(receiver.Closed);
        Assert.Equal(0, listener.ConnectionCount);
        peer.ReceiveTimeout = 10_000;
        Assert.Equal(0, peer.Receive(new byte[1])); // orderly close seen by the peer
    }

    [Fact]
    public async Task A_receiver_can_close_and_a_peer_can_leave()
    {
        var receiver = new LineReceiver();
        await using var listener = new SipTcpListener(new IPEndPoint(IPAddress.Loopback, 0), receiver, TimeProvider.System, TimeSpan.FromSeconds(30));
        listener.Start();

        using (var peer = Connect(listener.LocalEndPoint))
        {
            peer.Send("close\n"u8);
            await Next(receiver.Closed);
        }
        using (var peer = Connect(listener.LocalEndPoint))
        {
            peer.Send("hello\n"u8);
            await Next(receiver.Lines); // "close"
            await Next(receiver.Lines); // "hello"
            peer.Shutdown(SocketShutdown.Both);
        }
        await Next(receiver.Closed);
        Assert.Equal(0, listener.ConnectionCount);
    }

    [Fact]
    public async Task Outgoing_connections_are_reused()
    {
        var serverSide = new LineReceiver();
        await using var server = new SipTcpListener(new IPEndPoint(IPAddress.Loopback, 0), serverSide, TimeProvider.System, TimeSpan.FromSeconds(30));
        server.Start();
        var clientSide = new LineReceiver();
        await using var client = new SipTcpListener(new IPEndPoint(IPAddress.Loopback, 0), clientSide, TimeProvider.System, TimeSpan.FromSeconds(30));
        client.Start();

        var first = await client.ConnectAsync(server.LocalEndPoint, CancellationToken.None);
        var second = await client.ConnectAsync(server.LocalEndPoint, CancellationToken.None);
        Assert.Same(first, second);
        Assert.True(await first.SendAsync("OPTIONS\n"u8.ToArray()));
        var (inbound, line) = await Next(serverSide.Lines);
        Assert.Equal("OPTIONS", line);
        Assert.True(await inbound.SendAsync("200\n"u8.ToArray()));
        Assert.Equal("200", (await Next(clientSide.Lines)).Line);
    }
}
