using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gateway.Sip.Tests.Transport;

/// <summary>recvmmsg(2) against real loopback sockets: what is queued comes out in one call, whole and in order.</summary>
public sealed class DatagramBatchTests
{
    private static (Socket Receiver, Socket Sender) Pair(AddressFamily family, IPAddress loopback)
    {
        var receiver = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(loopback, 0));
        var sender = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(loopback, 0));
        return (receiver, sender);
    }

    /// <summary>Sends each text, then waits until the receiver has all of them queued (loopback delivers at once).</summary>
    private static void SendAll(Socket sender, Socket receiver, params string[] texts)
    {
        foreach (string text in texts) sender.SendTo(Encoding.ASCII.GetBytes(text), receiver.LocalEndPoint!);
        Assert.True(receiver.Poll(10_000_000, SelectMode.SelectRead));
    }

    private static string Text(DatagramBatch batch, int index) => Encoding.ASCII.GetString(batch.Datagram(index));

    [Fact]
    public void Every_queued_datagram_comes_out_of_one_call_in_order_with_its_source()
    {
        var (receiver, sender) = Pair(AddressFamily.InterNetwork, IPAddress.Loopback);
        using (receiver)
        using (sender)
        using (var batch = new DatagramBatch(8, 65_535))
        {
            SendAll(sender, receiver, "INVITE", "ACK", "BYE");

            // Loopback has queued all three by the time sendto returns, so one call takes them.
            Assert.Equal(3, batch.Receive(receiver.SafeHandle, out int errno));
            Assert.Equal(0, errno);
            Assert.Equal(["INVITE", "ACK", "BYE"], new[] { Text(batch, 0), Text(batch, 1), Text(batch, 2) });
            var source = new SocketAddress(AddressFamily.InterNetwork) { Size = batch.Source(2).Length };
            batch.Source(2).CopyTo(source.Buffer.Span);
            Assert.Equal(sender.LocalEndPoint, new IPEndPoint(IPAddress.Any, 0).Create(source));
        }
    }

    [Fact]
    public void More_queued_than_it_holds_come_out_over_several_calls_none_lost()
    {
        var (receiver, sender) = Pair(AddressFamily.InterNetwork, IPAddress.Loopback);
        using (receiver)
        using (sender)
        using (var batch = new DatagramBatch(2, 1_500))
        {
            SendAll(sender, receiver, "1", "2", "3", "4", "5");
            var seen = new List<string>();
            while (seen.Count < 5)
            {
                int count = batch.Receive(receiver.SafeHandle, out _);
                Assert.InRange(count, 1, 2);
                for (int i = 0; i < count; i++) seen.Add(Text(batch, i));
            }
            Assert.Equal(["1", "2", "3", "4", "5"], seen);
        }
    }

    [Fact]
    public void An_ipv6_source_is_returned_whole()
    {
        var (receiver, sender) = Pair(AddressFamily.InterNetworkV6, IPAddress.IPv6Loopback);
        using (receiver)
        using (sender)
        using (var batch = new DatagramBatch(4, 65_535))
        {
            SendAll(sender, receiver, "OPTIONS");
            Assert.Equal(1, batch.Receive(receiver.SafeHandle, out _));
            var source = new SocketAddress(AddressFamily.InterNetworkV6) { Size = batch.Source(0).Length };
            batch.Source(0).CopyTo(source.Buffer.Span);
            Assert.Equal(sender.LocalEndPoint, new IPEndPoint(IPAddress.IPv6Any, 0).Create(source));
            Assert.Equal("OPTIONS", Text(batch, 0));
        }
    }

    [Fact]
    public async Task A_shut_down_socket_wakes_the_receive()
    {
        var (receiver, sender) = Pair(AddressFamily.InterNetwork, IPAddress.Loopback);
        using (receiver)
        using (sender)
        using (var batch = new DatagramBatch(4, 1_500))
        {
            var blocked = Task.Factory.StartNew(() => batch.Receive(receiver.SafeHandle, out _), TaskCreationOptions.LongRunning);
            try
            {
                receiver.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // ENOTCONN on an unconnected UDP socket; Linux has woken the receive all the same.
            }
            // Woken with nothing: Linux reports the shut-down read side as one empty datagram.
            int count = await blocked.WaitAsync(TimeSpan.FromSeconds(10));
            for (int i = 0; i < count; i++) Assert.Equal(0, batch.Datagram(i).Length);
        }
    }
}
