using System.Net;
using System.Net.Sockets;
using FsCheck;
using FsCheck.Fluent;
using static Gateway.M3ua.Transport.Tests.RecordingReceiver;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>M3UA over TCP on loopback: framing, peer filtering, errors, shutdown, backpressure and socket hygiene.</summary>
public sealed class M3uaTcpTransportTests
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;
    private static readonly IPAddress OtherLoopback = IPAddress.Parse("127.0.0.2");

    private static M3uaTcpServer StartServer(RecordingReceiver receiver, M3uaTransportOptions? options = null, params IPAddress[] peers)
    {
        var server = new M3uaTcpServer(new IPEndPoint(Loopback, 0), peers.Length == 0 ? [Loopback] : peers, receiver, options);
        server.Start();
        return server;
    }

    /// <summary>A plain TCP peer that writes whatever bytes a test wants, framed or not.</summary>
    private static async Task<Socket> RawPeer(IPEndPoint server, IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (from is not null) socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(server);
        return socket;
    }

    /// <summary>
    /// A raw peer the server is expected to refuse: bound before it connects so its address is known, and content
    /// with a reset arriving even before its connect completes.
    /// </summary>
    private static async Task<(Socket Socket, IPEndPoint Address)> RefusedPeer(IPEndPoint server, IPAddress from)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        var address = (IPEndPoint)socket.LocalEndPoint!;
        try
        {
            await socket.ConnectAsync(server);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
        return (socket, address);
    }

    /// <summary>Reads until the peer closes (0) or resets: what a refused or dropped client sees.</summary>
    private static async Task<bool> SeesClose(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.NotConnected)
        {
            // Reset before or after the connect completed.
            return true;
        }
    }

    [Fact]
    public async Task Client_and_server_exchange_whole_messages_both_ways()
    {
        var serverSide = new RecordingReceiver();
        await using var server = StartServer(serverSide);
        var clientSide = new RecordingReceiver();
        await using var client = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, clientSide);

        Assert.Same(client, await Next(clientSide.Up));
        M3uaConnection accepted = await Next(serverSide.Up);
        Assert.Equal(M3uaTransportKind.Tcp, client.Transport);
        Assert.Equal(client.Local, accepted.Remote);
        Assert.Equal(server.LocalEndPoint, client.Remote);
        Assert.Equal((1, 1), (client.InboundStreams, client.OutboundStreams));

        byte[][] sent = [M3uaMessages.Make(8, 3, 1), M3uaMessages.Make(1000, seed: 1), M3uaMessages.Make(52, 4, 1)];
        foreach (byte[] message in sent) Assert.True(await client.SendAsync(message, stream: 5));
        foreach (byte[] message in sent)
        {
            var (on, stream, bytes) = await Next(serverSide.Messages);
            Assert.Same(accepted, on);
            Assert.Equal((ushort)0, stream); // TCP has no streams: the one given to SendAsync is ignored
            Assert.Equal(message, bytes);
        }

        byte[] answer = M3uaMessages.Make(24, 3, 4);
        Assert.True(await accepted.SendAsync(answer));
        Assert.Equal(answer, (await Next(clientSide.Messages)).Message);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Framing_holds_over_loopback_however_the_peer_splits_its_writes()
    {
        var receiver = new RecordingReceiver();
        await using var server = StartServer(receiver, new M3uaTransportOptions { MaxMessageSize = 4096 });
        var lengths = Gen.Choose(8, 3000).ListOf().Where(l => l.Count > 0);
        var cuts = Gen.Choose(0, int.MaxValue).ListOf();

        Prop.ForAll(lengths.ToArbitrary(), cuts.ToArbitrary(), (List<int> sizes, List<int> cutPoints) =>
        {
            Exchange(sizes, cutPoints).GetAwaiter().GetResult();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));

        async Task Exchange(List<int> sizes, List<int> cutPoints)
        {
            var sent = sizes.Select((size, i) => M3uaMessages.Make(size, seed: i)).ToList();
            byte[] stream = [.. sent.SelectMany(m => m)];
            using (var peer = await RawPeer(server.LocalEndPoint))
            {
                foreach (byte[] chunk in M3uaFramingTests.Split(stream, cutPoints))
                {
                    if (chunk.Length > 0) await peer.SendAsync(chunk);
                }
                foreach (byte[] message in sent) Assert.Equal(message, (await Next(receiver.Messages)).Message);
                peer.Shutdown(SocketShutdown.Send);
                var (_, down) = await Next(receiver.Down);
                Assert.Equal(new M3uaConnectionDown(M3uaDownReason.ClosedByPeer), down);
            }
            await Next(receiver.Up);
        }
    }

    [Theory]
    [InlineData(0x7FFF_FFF0u)]  // claims 2 GB
    [InlineData(4097u)]         // one over the maximum
    [InlineData(7u)]            // shorter than the header itself
    [InlineData(0u)]
    public async Task A_length_outside_8_to_the_maximum_closes_the_connection_with_a_framing_error(uint declared)
    {
        var receiver = new RecordingReceiver();
        await using var server = StartServer(receiver, new M3uaTransportOptions { MaxMessageSize = 4096 });
        using var peer = await RawPeer(server.LocalEndPoint);

        byte[] good = M3uaMessages.Make(20);
        await peer.SendAsync(good);
        await peer.SendAsync(M3uaMessages.Header(declared));

        Assert.Equal(good, (await Next(receiver.Messages)).Message);
        var (_, down) = await Next(receiver.Down);
        Assert.Equal(M3uaDownReason.FramingError, down.Reason);
        var error = Assert.IsType<M3uaTransportException>(down.Error);
        Assert.Contains($"length of {declared} octets", error.Message);
        Assert.True(await SeesClose(peer));
        Assert.Equal(0, server.ConnectionCount);
        Assert.False(receiver.Messages.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_length_within_the_maximum_is_not_allocated_before_its_bytes_arrive()
    {
        var receiver = new RecordingReceiver();
        var options = new M3uaTransportOptions { MaxMessageSize = 16 * 1024 * 1024 };
        await using var server = StartServer(receiver, options);
        using var peer = await RawPeer(server.LocalEndPoint);
        await Next(receiver.Up);

        long before = GC.GetTotalAllocatedBytes(precise: true);
        await peer.SendAsync(M3uaMessages.Header(16 * 1024 * 1024));
        await peer.SendAsync(new byte[100]);
        peer.Shutdown(SocketShutdown.Send);
        var (_, down) = await Next(receiver.Down);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(M3uaDownReason.ClosedByPeer, down.Reason);
        Assert.Contains("108 octets into a message", down.Error?.Message);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated for a 108-octet partial message");
    }

    [Fact]
    public async Task A_message_longer_than_the_read_buffer_arrives_whole_and_the_next_one_after_it()
    {
        var receiver = new RecordingReceiver();
        await using var server = StartServer(receiver, new M3uaTransportOptions { MaxMessageSize = 1024 * 1024 });
        using var peer = await RawPeer(server.LocalEndPoint);
        await Next(receiver.Up);

        // 300 KiB is several times the connection's first buffer; written in odd-sized pieces, then a small message.
        byte[] large = M3uaMessages.Make(300 * 1024, seed: 1);
        byte[] small = M3uaMessages.Make(40, seed: 2);
        byte[] stream = [.. large, .. small];
        for (int offset = 0; offset < stream.Length; offset += 7777)
        {
            await peer.SendAsync(stream.AsMemory(offset, Math.Min(7777, stream.Length - offset)));
        }

        Assert.Equal(large, (await Next(receiver.Messages)).Message);
        Assert.Equal(small, (await Next(receiver.Messages)).Message);
    }

    [Fact]
    public async Task The_server_refuses_a_peer_address_it_was_not_configured_with()
    {
        var receiver = new RecordingReceiver();
        await using var server = StartServer(receiver, peers: OtherLoopback);

        var (stranger, address) = await RefusedPeer(server.LocalEndPoint, from: Loopback);
        using (stranger)
        {
            Assert.Equal(address, await Next(receiver.Refused));
            Assert.True(await SeesClose(stranger));
        }

        var clientSide = new RecordingReceiver();
        await using var configured = await M3uaTcpClient.ConnectAsync(
            server.LocalEndPoint, clientSide, local: new IPEndPoint(OtherLoopback, 0));
        M3uaConnection accepted = await Next(receiver.Up);
        Assert.Equal(OtherLoopback, accepted.Remote.Address);
        Assert.True(await configured.SendAsync(M3uaMessages.Make(8)));
        await Next(receiver.Messages);
        Assert.False(receiver.Refused.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Closing_either_side_is_orderly_and_reported_once_on_both()
    {
        var serverSide = new RecordingReceiver();
        await using var server = StartServer(serverSide);
        var clientSide = new RecordingReceiver();

        // The client closes.
        M3uaConnection client = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, clientSide);
        M3uaConnection accepted = await Next(serverSide.Up);
        await client.DisposeAsync();
        Assert.Equal((client, new M3uaConnectionDown(M3uaDownReason.ClosedLocally)), await Next(clientSide.Down));
        Assert.Equal((accepted, new M3uaConnectionDown(M3uaDownReason.ClosedByPeer)), await Next(serverSide.Down));
        Assert.False(await client.SendAsync(M3uaMessages.Make(8)));
        Assert.True(accepted.Completion.IsCompleted);

        // The server goes away with a connection open: the client hears the peer close.
        client = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, clientSide);
        accepted = await Next(serverSide.Up);
        await server.DisposeAsync();
        Assert.Equal((accepted, new M3uaConnectionDown(M3uaDownReason.ClosedLocally)), await Next(serverSide.Down));
        Assert.Equal((client, new M3uaConnectionDown(M3uaDownReason.ClosedByPeer)), await Next(clientSide.Down));
        await client.DisposeAsync();
        Assert.False(clientSide.Down.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_receiver_that_throws_closes_only_its_connection()
    {
        var receiver = new RecordingReceiver { OnMessage = m => { if (m[3] == 9) throw new InvalidOperationException("decoder bug"); } };
        await using var server = StartServer(receiver);
        var clientSide = new RecordingReceiver();
        await using var failing = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, clientSide);
        await using var healthy = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, clientSide);
        M3uaConnection first = await Next(receiver.Up);
        M3uaConnection second = await Next(receiver.Up);

        Assert.True(await failing.SendAsync(M3uaMessages.Make(8, 1, 9)));
        var (down, why) = await Next(receiver.Down);
        Assert.Equal(M3uaDownReason.ReceiverFailed, why.Reason);
        Assert.IsType<InvalidOperationException>(why.Error);

        M3uaConnection survivor = ReferenceEquals(down, first) ? second : first;
        Assert.True(survivor.IsOpen);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task A_peer_that_stops_reading_holds_the_sender_back_and_loses_nothing()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(Loopback, 0));
        listener.Listen();
        // Small kernel buffers so that the sender meets the limit after a few hundred KB, not many MB.
        listener.ReceiveBufferSize = 16 * 1024;
        var clientSide = new RecordingReceiver();
        await using var client = await M3uaTcpClient.ConnectAsync((IPEndPoint)listener.LocalEndPoint!, clientSide);
        using Socket slowPeer = await listener.AcceptAsync();

        // Send until a send cannot complete: the kernel buffers are full and the peer is not reading.
        var sent = new List<byte[]>();
        ValueTask<bool> pending = default;
        for (int i = 0; i < 10_000; i++)
        {
            byte[] message = M3uaMessages.Make(4096, seed: i);
            sent.Add(message);
            pending = client.SendAsync(message);
            if (!pending.IsCompleted) break;
            Assert.True(await pending);
        }
        Assert.False(pending.IsCompleted, "10 000 messages went out without the peer reading: nothing held the sender back");

        // A second sender queues behind the first instead of interleaving with it.
        byte[] last = M3uaMessages.Make(64, seed: 99);
        sent.Add(last);
        ValueTask<bool> queued = client.SendAsync(last);
        Assert.False(queued.IsCompleted);

        // The peer starts reading: every message arrives whole and in order, and both sends complete.
        var reading = ReadMessages(slowPeer, sent.Count);
        Assert.True(await pending.AsTask().WaitAsync(Patience));
        Assert.True(await queued.AsTask().WaitAsync(Patience));
        List<byte[]> received = await reading.WaitAsync(Patience);
        Assert.Equal(sent.Count, received.Count);
        for (int i = 0; i < sent.Count; i++) Assert.True(sent[i].AsSpan().SequenceEqual(received[i]), $"message {i} differs");
    }

    private static async Task<List<byte[]>> ReadMessages(Socket socket, int count)
    {
        var messages = new List<byte[]>();
        var header = new byte[8];
        while (messages.Count < count)
        {
            await ReadExactly(socket, header);
            int length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            var message = new byte[length];
            header.CopyTo(message, 0);
            await ReadExactly(socket, message.AsMemory(8));
            messages.Add(message);
        }
        return messages;
    }

    private static async Task ReadExactly(Socket socket, Memory<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0) throw new EndOfStreamException();
            buffer = buffer[read..];
        }
    }

    [Fact]
    public async Task Sends_of_blocks_that_are_not_one_message_are_refused_before_the_wire()
    {
        var serverSide = new RecordingReceiver();
        await using var server = StartServer(serverSide);
        await using var client = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, new RecordingReceiver());
        byte[] lying = M3uaMessages.Make(16);
        lying[7] = 12;
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.SendAsync(lying));
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.SendAsync(new byte[4]));
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task A_connect_the_peer_never_answers_ends_when_cancelled_and_closes_its_socket()
    {
        // A listener whose accept queue is full drops further SYNs: the next connect waits, as for a dead switch.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(Loopback, 0));
        listener.Listen(0);
        var remote = (IPEndPoint)listener.LocalEndPoint!;
        var queued = new List<Socket>();
        try
        {
            while (queued.Count < 10)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                queued.Add(filler);
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    await filler.ConnectAsync(remote, wait.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            long opened = SocketLedger.Opened, closed = SocketLedger.Closed;
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Task<M3uaConnection> connect = M3uaTcpClient.ConnectAsync(remote, new RecordingReceiver(), cancellationToken: giveUp.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect.WaitAsync(Patience));
            Assert.Equal(1, SocketLedger.Opened - opened);
            Assert.Equal(1, SocketLedger.Closed - closed);
        }
        finally
        {
            foreach (Socket filler in queued) filler.Dispose();
        }
    }

    [Fact]
    public async Task Every_socket_opened_is_closed_whichever_way_its_connection_ended()
    {
        int descriptors = OpenSockets.Count();
        long opened = SocketLedger.Opened, closed = SocketLedger.Closed;

        var serverSide = new RecordingReceiver();
        var server = StartServer(serverSide, new M3uaTransportOptions { MaxMessageSize = 1024 }, Loopback);
        var clientSide = new RecordingReceiver();

        // Orderly: closed by the client.
        var first = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, clientSide);
        await Next(serverSide.Up);
        await first.DisposeAsync();
        await Next(serverSide.Down);

        // Framing error, from a raw peer the ledger does not count.
        using (var bad = await RawPeer(server.LocalEndPoint))
        {
            await Next(serverSide.Up);
            await bad.SendAsync(M3uaMessages.Header(5000));
            Assert.Equal(M3uaDownReason.FramingError, (await Next(serverSide.Down)).Down.Reason);
        }

        // Refused: a stranger's address (the server allows 127.0.0.1 only).
        var (stranger, _) = await RefusedPeer(server.LocalEndPoint, from: OtherLoopback);
        using (stranger) await Next(serverSide.Refused);

        // A failed connect: nothing listens on the port of a disposed listener.
        var unused = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        unused.Bind(new IPEndPoint(Loopback, 0));
        var nowhere = (IPEndPoint)unused.LocalEndPoint!;
        unused.Dispose();
        await Assert.ThrowsAsync<SocketException>(() => M3uaTcpClient.ConnectAsync(nowhere, clientSide));

        // Left open until the server is disposed.
        var last = await M3uaTcpClient.ConnectAsync(server.LocalEndPoint, clientSide);
        await Next(serverSide.Up);
        await server.DisposeAsync();
        await last.DisposeAsync();

        // listener + first (2 ends) + bad (server end) + stranger (server end) + failed connect + last (2 ends)
        Assert.Equal(8, SocketLedger.Opened - opened);
        Assert.Equal(SocketLedger.Opened - opened, SocketLedger.Closed - closed);
        Assert.Equal(descriptors, OpenSockets.Count());
    }
}
