using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// A scripted raw SIP peer on a loopback UDP socket: it sends literal SIP and parses what comes back. Waiting for a
/// datagram is bounded (a test that fails must not hang), but nothing is ever asserted about how long anything took.
/// </summary>
internal sealed class UdpPeer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly IPEndPoint _stack;

    public UdpPeer(IPEndPoint stack, IPAddress? bindTo = null)
    {
        _stack = stack;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(bindTo ?? IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>Our address and port.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>"127.0.0.1:port", for Via and Contact.</summary>
    public string Address => EndPoint.ToString();

    /// <summary>Bytes waiting in the socket: loopback delivers synchronously, so what was sent is there.</summary>
    public int Available => _socket.Available;

    public void Send(byte[] message) => _socket.SendTo(message, _stack);

    public void Send(WireMessage message) => Send(message.Bytes);

    /// <summary>The next datagram, parsed.</summary>
    public async Task<WireMessage> ReceiveAsync()
    {
        var buffer = new byte[65_535];
        using var timeout = new CancellationTokenSource(Patience);
        SocketReceiveFromResult result;
        try
        {
            result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("The peer received nothing.");
        }

        return new WireMessage(buffer.AsSpan(0, result.ReceivedBytes));
    }

    /// <summary>
    /// Nothing is waiting in the socket. Loopback UDP delivers synchronously to the receive queue, so a datagram sent
    /// before this call (by the thread that advanced virtual time, say) would be there.
    /// </summary>
    public void AssertNothingReceived()
    {
        if (_socket.Available > 0)
        {
            var buffer = new byte[65_535];
            int length = _socket.Receive(buffer);
            Assert.Fail("Unexpected datagram:\n" + System.Text.Encoding.UTF8.GetString(buffer, 0, length));
        }
    }

    public void Dispose() => _socket.Dispose();
}
