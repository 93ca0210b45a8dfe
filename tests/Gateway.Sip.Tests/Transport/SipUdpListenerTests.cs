using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Gateway.Sip.Tests.Transport;

public sealed class SipUdpListenerTests
{
    private sealed class Recorder(bool throwOnFirst = false) : IDatagramReceiver
    {
        private int _count;
        public Channel<(IPEndPoint Remote, string Text)> Received { get; } = Channel.CreateUnbounded<(IPEndPoint, string)>();

        public void DatagramReceived(SipUdpListener listener, IPEndPoint remote, byte[] buffer, int length)
        {
            try
            {
                if (throwOnFirst && Interlocked.Increment(ref _count) == 1) throw new InvalidOperationException("receiver bug");
                Received.Writer.TryWrite((remote, Encoding.UTF8.GetString(buffer, 0, length)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static async Task<(IPEndPoint, string)> Next(Recorder r)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await r.Received.Reader.ReadAsync(timeout.Token);
    }

    [Fact]
    public async Task Receives_datagrams_and_answers_the_sender()
    {
        var recorder = new Recorder();
        await using var listener = new SipUdpListener(new IPEndPoint(IPAddress.Loopback, 0), recorder);
        listener.Start();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        peer.SendTo("OPTIONS sip:gw SIP/2.0\r\n\r\n"u8, listener.LocalEndPoint);
        var (remote, text) = await Next(recorder);
        Assert.Equal(peer.LocalEndPoint, remote);
        Assert.Equal("OPTIONS sip:gw SIP/2.0\r\n\r\n", text);

        Assert.True(listener.Send("SIP/2.0 200 OK\r\n\r\n"u8, remote));
        var buffer = new byte[100];
        peer.ReceiveTimeout = 10_000;
        int n = peer.Receive(buffer);
        Assert.Equal("SIP/2.0 200 OK\r\n\r\n", Encoding.UTF8.GetString(buffer, 0, n));
    }

    [Fact]
    public async Task A_receiver_that_throws_does_not_stop_the_loop()
    {
        var recorder = new Recorder(throwOnFirst: true);
        await using var listener = new SipUdpListener(new IPEndPoint(IPAddress.Loopback, 0), recorder);
        listener.Start();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        peer.SendTo("first"u8, listener.LocalEndPoint);
        peer.SendTo("second"u8, listener.LocalEndPoint);
        Assert.Equal("second", (await Next(recorder)).Item2);
        Assert.Equal(1, listener.ReceiveErrors);
    }

    [Fact]
    public async Task Binds_ipv6_loopback_too()
    {
        var recorder = new Recorder();
        await using var listener = new SipUdpListener(new IPEndPoint(IPAddress.IPv6Loopback, 0), recorder);
        listener.Start();
        using var peer = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        peer.SendTo("ping"u8, listener.LocalEndPoint);
        Assert.Equal("ping", (await Next(recorder)).Item2);
    }
}
