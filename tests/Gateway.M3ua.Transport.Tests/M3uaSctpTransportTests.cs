using System.Net;
using System.Net.Sockets;
using static Gateway.M3ua.Transport.Tests.RecordingReceiver;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>
/// M3UA over kernel SCTP on loopback. On a kernel without SCTP each test asserts the clear "not available" error
/// instead (see <see cref="KernelSctp"/>); in the user-mode-linux lab they run for real:
/// <c>dotnet test ... --filter Category=Sctp</c> with M3UA_TEST_REQUIRE_SCTP=1.
/// </summary>
[Trait("Category", "Sctp")]
public sealed class M3uaSctpTransportTests
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;
    private static readonly IPAddress Loopback2 = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Loopback3 = IPAddress.Parse("127.0.0.3");

    private static M3uaSctpServer StartServer(RecordingReceiver receiver, SctpEndpoint? local = null, IPAddress[]? peers = null, M3uaTransportOptions? options = null)
    {
        var server = new M3uaSctpServer(local ?? new SctpEndpoint(Loopback, 0), peers ?? [Loopback], receiver, options);
        server.Start();
        return server;
    }

    [Fact]
    public async Task Sctp_is_reported_missing_clearly_or_carries_M3UA_on_its_streams_with_PPID_3()
    {
        if (!await KernelSctp.Available()) return;
        long opened = SocketLedger.Opened, closed = SocketLedger.Closed;

        var serverSide = new RecordingReceiver();
        var server = StartServer(serverSide);
        var clientSide = new RecordingReceiver();
        M3uaConnection client = await M3uaSctpClient.ConnectAsync(new SctpEndpoint(Loopback, server.Port), clientSide);

        Assert.Same(client, await Next(clientSide.Up));
        M3uaConnection accepted = await Next(serverSide.Up);
        Assert.Equal(M3uaTransportKind.Sctp, client.Transport);
        Assert.Equal((16, 16), (client.InboundStreams, client.OutboundStreams));
        Assert.Equal((16, 16), (accepted.InboundStreams, accepted.OutboundStreams));
        var (_, up) = await NextWhere(clientSide.Events, e => e.Notification is SctpAssociationChange);
        Assert.Equal(new SctpAssociationChange(SctpAssociationState.CommunicationUp, 0, 16, 16), up);

        // Management on stream 0, DATA on streams 1 and 15; SCTP orders within a stream only, so match by stream.
        var sent = new Dictionary<ushort, byte[]>
        {
            [0] = M3uaMessages.Make(8, 3, 1),
            [1] = M3uaMessages.Make(300, 1, 1, seed: 1),
            [15] = M3uaMessages.Make(1200, 1, 1, seed: 2),
        };
        foreach (var (stream, message) in sent) Assert.True(await client.SendAsync(message, stream));
        for (int i = 0; i < sent.Count; i++)
        {
            var (on, stream, bytes) = await Next(serverSide.Messages);
            Assert.Same(accepted, on);
            Assert.Equal(sent[stream], bytes);
        }

        byte[] answer = M3uaMessages.Make(64, 1, 1, seed: 3);
        Assert.True(await accepted.SendAsync(answer, 1));
        var (_, answerStream, answerBytes) = await Next(clientSide.Messages);
        Assert.Equal((ushort)1, answerStream);
        Assert.Equal(answer, answerBytes);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await client.SendAsync(answer, 16));

        // What is on the wire, read by a plain SCTP socket: PPID 3 and the stream asked for.
        await using (var raw = RawSctpServer.Start())
        {
            await using M3uaConnection probe = await M3uaSctpClient.ConnectAsync(new SctpEndpoint(Loopback, raw.Port), new RecordingReceiver());
            byte[] data = M3uaMessages.Make(100, 1, 1, seed: 4);
            Assert.True(await probe.SendAsync(data, 1));
            var (received, bytes) = await raw.ReceiveMessage();
            Assert.Equal((ushort)1, received.Stream);
            Assert.Equal(3u, received.Ppid);
            Assert.True(received.EndOfRecord);
            Assert.Equal(data, bytes);
        }

        await client.DisposeAsync();
        Assert.Equal(M3uaDownReason.ClosedLocally, (await Next(clientSide.Down)).Down.Reason);
        Assert.Equal(M3uaDownReason.ClosedByPeer, (await Next(serverSide.Down)).Down.Reason);
        await server.DisposeAsync();
        Assert.Equal(SocketLedger.Opened - opened, SocketLedger.Closed - closed);
    }

    [Fact]
    public async Task A_multi_homed_association_binds_and_connects_several_addresses()
    {
        if (!await KernelSctp.Available()) return;
        var serverSide = new RecordingReceiver();
        await using var server = StartServer(serverSide, new SctpEndpoint([Loopback, Loopback2], 0), [Loopback3]);
        var clientSide = new RecordingReceiver();

        await using M3uaConnection client = await M3uaSctpClient.ConnectAsync(
            new SctpEndpoint([Loopback, Loopback2], server.Port), clientSide, local: new SctpEndpoint([Loopback3], 0));
        M3uaConnection accepted = await Next(serverSide.Up);
        Assert.Equal(Loopback3, accepted.Remote.Address);
        Assert.Contains(client.Remote.Address, new[] { Loopback, Loopback2 });

        byte[] message = M3uaMessages.Make(40, 1, 1);
        Assert.True(await client.SendAsync(message, 1));
        Assert.Equal(message, (await Next(serverSide.Messages)).Message);
    }

    [Fact]
    public async Task The_server_aborts_a_peer_address_it_was_not_configured_with()
    {
        if (!await KernelSctp.Available()) return;
        var serverSide = new RecordingReceiver();
        await using var server = StartServer(serverSide, peers: [IPAddress.Parse("127.0.0.9")]);
        var clientSide = new RecordingReceiver();

        M3uaConnection? client = null;
        try
        {
            // The kernel completes the handshake before the server sees it: the ABORT may come before or after connect returns.
            client = await M3uaSctpClient.ConnectAsync(new SctpEndpoint(Loopback, server.Port), clientSide);
        }
        catch (M3uaTransportException)
        {
        }
        Assert.Equal(Loopback, (await Next(serverSide.Refused)).Address);
        if (client is not null)
        {
            var (_, down) = await Next(clientSide.Down);
            Assert.Contains(down.Reason, new[] { M3uaDownReason.Aborted, M3uaDownReason.ClosedByPeer });
            await client.DisposeAsync();
        }
        Assert.False(serverSide.Up.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_message_longer_than_the_maximum_aborts_the_association()
    {
        if (!await KernelSctp.Available()) return;
        var serverSide = new RecordingReceiver();
        await using var server = StartServer(serverSide, options: new M3uaTransportOptions { MaxMessageSize = 512 });
        var clientSide = new RecordingReceiver();
        await using M3uaConnection client = await M3uaSctpClient.ConnectAsync(new SctpEndpoint(Loopback, server.Port), clientSide);
        await Next(serverSide.Up);

        Assert.True(await client.SendAsync(M3uaMessages.Make(2000, 1, 1), 1));
        var (_, down) = await Next(serverSide.Down);
        Assert.Equal(M3uaDownReason.FramingError, down.Reason);
        Assert.Contains("longer than the maximum of 512", down.Error?.Message);
        Assert.Equal(M3uaDownReason.Aborted, (await Next(clientSide.Down)).Down.Reason);
    }

    [Fact]
    public async Task Connecting_where_nothing_listens_fails_with_the_errno()
    {
        if (!await KernelSctp.Available()) return;
        int port;
        await using (var gone = StartServer(new RecordingReceiver())) port = gone.Port;

        var error = await Assert.ThrowsAsync<M3uaTransportException>(() =>
            M3uaSctpClient.ConnectAsync(new SctpEndpoint(Loopback, port), new RecordingReceiver()));
        Assert.True(error.Errno == 111, error.Message); // ECONNREFUSED: the peer's kernel answered INIT with ABORT
    }

    [Fact]
    public async Task A_peer_that_stops_reading_holds_the_sender_back_and_every_message_keeps_its_stream_and_PPID()
    {
        if (!await KernelSctp.Available()) return;
        await using var raw = RawSctpServer.Start();
        await using M3uaConnection client = await M3uaSctpClient.ConnectAsync(new SctpEndpoint(Loopback, raw.Port), new RecordingReceiver());

        // Send until sendmsg finds no room and the send has to wait for the peer: the slow path, on DEFAULT_SNDINFO.
        var sent = new List<(ushort Stream, byte[] Message)>();
        ValueTask<bool> pending = default;
        for (int i = 0; i < 20_000; i++)
        {
            ushort stream = (ushort)(1 + i % 3);
            byte[] message = M3uaMessages.Make(4000, 1, 1, seed: i);
            sent.Add((stream, message));
            pending = client.SendAsync(message, stream);
            if (!pending.IsCompleted) break;
            Assert.True(await pending);
        }
        Assert.False(pending.IsCompleted, "20 000 messages went out without the peer reading: nothing held the sender back");

        var received = new List<(ushort Stream, byte[] Message)>();
        while (received.Count < sent.Count)
        {
            var (info, bytes) = await raw.ReceiveMessage();
            Assert.Equal(3u, info.Ppid);
            received.Add((info.Stream, bytes));
        }
        Assert.True(await pending.AsTask().WaitAsync(Patience));

        // After the wait the fast path again, on a stream of its own choosing.
        byte[] after = M3uaMessages.Make(8, 3, 3);
        Assert.True(await client.SendAsync(after, 0));
        var (afterInfo, afterBytes) = await raw.ReceiveMessage();
        Assert.Equal(((ushort)0, 3u), (afterInfo.Stream, afterInfo.Ppid));
        Assert.Equal(after, afterBytes);

        // SCTP keeps order within a stream: each stream's messages arrive as they were sent on it.
        foreach (ushort stream in new ushort[] { 1, 2, 3 })
        {
            var expected = sent.Where(s => s.Stream == stream).Select(s => s.Message).ToList();
            var actual = received.Where(r => r.Stream == stream).Select(r => r.Message).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"stream {stream}, message {i} differs");
        }
    }

    /// <summary>A bare SCTP listener made from the transport's own system calls, to read what a client puts on the wire.</summary>
    private sealed class RawSctpServer : IAsyncDisposable
    {
        private readonly Socket _listener;
        private Socket? _accepted;

        private RawSctpServer(Socket listener, int port)
        {
            _listener = listener;
            Port = port;
        }

        public int Port { get; }

        public static RawSctpServer Start()
        {
            SafeSocketHandle handle = SctpSocket.Open(AddressFamily.InterNetwork);
            SctpSocket.Configure(handle, M3uaTransportOptions.Default);
            SctpSocket.Bind(handle, new SctpEndpoint(Loopback, 0));
            var listener = new Socket(handle);
            listener.Listen();
            return new RawSctpServer(listener, SctpSocket.LocalPort(handle));
        }

        /// <summary>The next user message (notifications skipped), as recvmsg reported it.</summary>
        public async Task<(SctpReceived Info, byte[] Bytes)> ReceiveMessage()
        {
            _accepted ??= await _listener.AcceptAsync().WaitAsync(Patience);
            var buffer = new byte[4096];
            while (true)
            {
                await _accepted.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None).AsTask().WaitAsync(Patience);
                SctpReceived received = SctpSocket.Receive(_accepted.SafeHandle, buffer);
                if (received.Errno == 11) continue; // EAGAIN
                Assert.Equal(0, received.Errno);
                if (!received.Notification) return (received, buffer[..received.Length]);
            }
        }

        public ValueTask DisposeAsync()
        {
            _accepted?.Dispose();
            _listener.Dispose();
            SocketLedger.Close();
            return ValueTask.CompletedTask;
        }
    }
}
