using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Testing.Fuzzing;

/// <summary>
/// Plays a gateway's configured M3UA peer over TCP (IPSP client, single exchange) and fuzzes it: connects from the
/// peer's address, brings the ASP up and active with valid ASPUP and ASPAC, then sends mutated messages
/// (<see cref="M3uaMutator"/>) with a valid BEAT every few, whose BEAT ACK shows the gateway still reads. It answers
/// what the gateway sends as a switch would (BEAT → BEAT ACK; REL, RSC → RLC; GRS → GRA; BLO → BLA; UBL → UBA;
/// CGB → CGBA; CGU → CGUA), so that circuits the fuzzing disturbed can go back to idle. When the gateway closes the
/// connection, or after a message that breaks the framing on purpose, it reconnects and activates again.
/// </summary>
public sealed class M3uaPeerFuzzer : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly IPAddress _source;
    private readonly Random _random;
    private readonly M3uaMutator _mutator;
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _kinds = new();
    private readonly SortedDictionary<string, long> _received = new(StringComparer.Ordinal);
    private Connection? _connection;

    public M3uaPeerFuzzer(IPEndPoint target, IPAddress source, int seed, uint opc, uint dpc, uint routingContext, byte networkIndicator,
        int firstCic, int lastCic, params uint[] avoidOpcs)
    {
        _target = target;
        _source = source;
        Seed = seed;
        _random = new Random(seed);
        _mutator = new M3uaMutator(new Random(seed + 1), opc, dpc, routingContext, networkIndicator, firstCic, lastCic, avoidOpcs);
    }

    public int Seed { get; }

    /// <summary>The clock that paces the fuzzing and spaces reconnect attempts.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    // Completed and replaced on every message from the gateway, so a waiter wakes when something came.
    private TaskCompletionSource _receivedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Mutated messages per second to aim at.</summary>
    public int MessagesPerSecond { get; init; } = 400;

    /// <summary>Messages per thousand that break the framing on purpose (the fuzzer then reconnects).</summary>
    public int FramingBreakersPerMille { get; init; } = 8;

    /// <summary>Messages per thousand that are a valid ASPIA or ASPDN (the fuzzer then activates again).</summary>
    public int StateChangesPerMille { get; init; } = 3;

    /// <summary>A valid BEAT after this many mutated messages.</summary>
    public int BeatEvery { get; init; } = 25;

    public long Sent { get; private set; }
    public long FramingBreakers { get; private set; }
    public long StateChanges { get; private set; }
    public long Beats { get; private set; }
    public long BeatAcks { get; private set; }
    public long Connects { get; private set; }
    public long HandshakeFailures { get; private set; }
    public long Reactivations { get; private set; }
    public long ClosedByGateway { get; private set; }

    /// <summary>The longest time a BEAT waited for its ACK.</summary>
    public TimeSpan LongestBeatWait { get; private set; }

    public string Summary
    {
        get
        {
            lock (_gate)
            {
                return $"m3ua seed={Seed} sent={Sent} (" + string.Join(",", _kinds.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}")) +
                       $") framing-breakers={FramingBreakers} aspia/aspdn={StateChanges} beats={Beats} beat-acks={BeatAcks} " +
                       $"longest-beat-wait={LongestBeatWait.TotalMilliseconds:0}ms connects={Connects} reactivations={Reactivations} handshake-failures={HandshakeFailures} " +
                       $"closed-by-gateway={ClosedByGateway} received=" + string.Join(",", _received.Select(r => $"{r.Key}:{r.Value}"));
            }
        }
    }

    /// <summary>Connects and activates, retrying for up to <paramref name="timeout"/>.</summary>
    public async Task ActivateAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await ReconnectAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException && clock.Elapsed < timeout)
            {
                lock (_gate) HandshakeFailures++;
                await Task.Delay(TimeSpan.FromMilliseconds(200), Time, cancellationToken);
            }
        }
    }

    /// <summary>Fuzzes for <paramref name="duration"/>; the association is left up and active at the end.</summary>
    public async Task RunAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (_connection is null) await ActivateAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                Connection connection = _connection ?? throw new IOException("not connected");
                if (connection.Closed.IsCompleted)
                {
                    lock (_gate) ClosedByGateway++;
                    await ActivateAsync(TimeSpan.FromSeconds(20), cancellationToken);
                    continue;
                }

                int roll = _random.Next(1000);
                if (roll < FramingBreakersPerMille)
                {
                    // The framing broken on purpose: the rest of this stream means nothing, so the connection goes.
                    await connection.SendAsync(_mutator.NextFramingBreaker());
                    lock (_gate) { FramingBreakers++; Sent++; }
                    await ClosedOrAsync(connection, TimeSpan.FromSeconds(2));
                    await ActivateAsync(TimeSpan.FromSeconds(20), cancellationToken);
                }
                else if (roll < FramingBreakersPerMille + StateChangesPerMille)
                {
                    // ASPIA or ASPDN, valid: the gateway takes the ASP out of service; activate again.
                    await connection.SendAsync(_random.Next(3) != 0 ? M3uaMutator.Message(4, 2) : M3uaMutator.Message(3, 2));
                    lock (_gate) { StateChanges++; Sent++; }
                    // TCP keeps the order: the gateway handles the ASPIA/ASPDN before this ASPUP and ASPAC.
                    await HandshakeAsync(connection, cancellationToken);
                }
                else
                {
                    byte[] message = _mutator.Next(out string kind);
                    await connection.SendAsync(message);
                    lock (_gate)
                    {
                        Sent++;
                        _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
                    }
                }

                if (++count % BeatEvery == 0)
                {
                    await BeatAsync(connection, TimeSpan.FromSeconds(10));

                    // A mutated message that happened to be a valid ASPUP, ASPIA or ASPDN took our ASP out of the active
                    // state (its acknowledgement came unasked): activate again, or the DATA after it tests nothing.
                    if (connection.Deactivated)
                    {
                        connection.Deactivated = false;
                        lock (_gate) Reactivations++;
                        await HandshakeAsync(connection, cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                lock (_gate) ClosedByGateway++;
                await ActivateAsync(TimeSpan.FromSeconds(20), cancellationToken);
            }

            TimeSpan due = TimeSpan.FromSeconds((double)count / MessagesPerSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, Time, cancellationToken);
        }
    }

    /// <summary>Sends a valid BEAT and waits for its ACK; <see cref="TimeoutException"/> when none comes in time.</summary>
    public async Task BeatAsync(TimeSpan timeout) => await BeatAsync(_connection ?? throw new InvalidOperationException("not connected"), timeout);

    /// <summary>Sends a valid ISUP message (DATA from us to the gateway) on the current connection.</summary>
    public async Task SendIsupAsync(byte[] isup) => await (_connection ?? throw new InvalidOperationException("not connected")).SendAsync(_mutator.Data(isup));

    /// <summary>How many ISUP messages of <paramref name="name"/> (e.g. "isup-0c" for REL) the gateway sent.</summary>
    public long ReceivedCount(string name)
    {
        lock (_gate) return _received.GetValueOrDefault(name);
    }

    /// <summary>Waits until more than <paramref name="count"/> messages of <paramref name="name"/> came; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForReceivedAsync(string name, long count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout, Time);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_received.GetValueOrDefault(name) > count) return true;
                signal = _receivedSignal.Task;
            }
            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    // The gateway closes a connection whose framing it lost; waiting for that keeps the next connection's start apart.
    private static async Task ClosedOrAsync(Connection connection, TimeSpan timeout)
    {
        try
        {
            await connection.Closed.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task BeatAsync(Connection connection, TimeSpan timeout)
    {
        byte[] data = new byte[8];
        _random.NextBytes(data);
        var acked = connection.ExpectBeatAck(data);
        var clock = Stopwatch.StartNew();
        await connection.SendAsync(M3uaMutator.Beat(data));
        lock (_gate) Beats++;
        Task done;
        try
        {
            done = await Task.WhenAny(acked, connection.Closed).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no BEAT ACK within {timeout.TotalSeconds} s ({Summary})");
        }
        if (done == connection.Closed) throw new IOException("closed while waiting for BEAT ACK");
        lock (_gate)
        {
            BeatAcks++;
            if (clock.Elapsed > LongestBeatWait) LongestBeatWait = clock.Elapsed;
        }
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(_source, 0));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await socket.ConnectAsync(_target, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("connect timed out");
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new Connection(this, socket);
        _connection = connection;
        lock (_gate) Connects++;
        await HandshakeAsync(connection, cancellationToken);
    }

    private static async Task HandshakeAsync(Connection connection, CancellationToken cancellationToken)
    {
        Task up = connection.Expect(3, 4);
        await connection.SendAsync(M3uaMutator.AspUp());
        await Wait(connection, up, "ASPUP ACK", cancellationToken);
        Task active = connection.Expect(4, 3);
        await connection.SendAsync(M3uaMutator.AspActive(connection.Owner._mutator.RoutingContext));
        await Wait(connection, active, "ASPAC ACK", cancellationToken);
    }

    private static async Task Wait(Connection connection, Task expected, string what, CancellationToken cancellationToken)
    {
        Task done;
        try
        {
            done = await Task.WhenAny(expected, connection.Closed).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no {what} within 5 s");
        }
        if (done == connection.Closed) throw new IOException($"closed before {what}");
    }

    private void Received(string name)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _received[name] = _received.GetValueOrDefault(name) + 1;
            signal = _receivedSignal;
            _receivedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        signal.SetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    /// <summary>One TCP connection: a reader that answers the gateway, and serialized writes.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly Socket _socket;
        private readonly SemaphoreSlim _write = new(1, 1);
        private readonly List<(byte Class, byte Type, TaskCompletionSource Done)> _expected = new();
        private readonly Dictionary<string, TaskCompletionSource> _beats = new();
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _reader;

        public Connection(M3uaPeerFuzzer owner, Socket socket)
        {
            Owner = owner;
            _socket = socket;
            _reader = Task.Run(ReadAsync);
        }

        public M3uaPeerFuzzer Owner { get; }

        /// <summary>Set when an acknowledgement shows the gateway took our ASP out of the active state.</summary>
        public volatile bool Deactivated;

        public Task Closed => _closed.Task;

        public Task Expect(byte messageClass, byte type)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_expected) _expected.Add((messageClass, type, done));
            return done.Task;
        }

        public Task ExpectBeatAck(byte[] data)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_beats) _beats[Convert.ToHexString(data)] = done;
            return done.Task;
        }

        public async Task SendAsync(byte[] message)
        {
            await _write.WaitAsync();
            try
            {
                int at = 0;
                while (at < message.Length) at += await _socket.SendAsync(message.AsMemory(at), SocketFlags.None);
            }
            finally
            {
                _write.Release();
            }
        }

        private async Task ReadAsync()
        {
            var header = new byte[8];
            try
            {
                while (true)
                {
                    if (!await ReadExactly(header)) break;
                    int length = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
                    if (length < 8 || length > 1 << 20) break;
                    var message = new byte[length];
                    header.CopyTo(message, 0);
                    if (!await ReadExactly(message.AsMemory(8))) break;
                    await HandleAsync(message);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
            {
            }
            finally
            {
                _closed.TrySetResult();
            }
        }

        private async Task<bool> ReadExactly(Memory<byte> buffer)
        {
            int at = 0;
            while (at < buffer.Length)
            {
                int n = await _socket.ReceiveAsync(buffer[at..], SocketFlags.None);
                if (n == 0) return false;
                at += n;
            }
            return true;
        }

        private async Task HandleAsync(byte[] message)
        {
            byte messageClass = message[2], type = message[3];
            bool asked;
            lock (_expected)
            {
                int i = _expected.FindIndex(e => e.Class == messageClass && e.Type == type);
                asked = i >= 0;
                if (asked)
                {
                    _expected[i].Done.TrySetResult();
                    _expected.RemoveAt(i);
                }
            }

            // ASPUP ACK, ASPDN ACK, ASPIA ACK nobody asked for: the ASP is no longer active.
            if (!asked && ((messageClass == 3 && type is 4 or 5) || (messageClass == 4 && type == 4))) Deactivated = true;

            byte[]? heartbeat = Parameter(message, M3uaMutator.TagHeartbeatData);
            if (messageClass == 3 && type == 3)
            {
                Owner.Received("beat");
                await SendAsync(M3uaMutator.BeatAck(heartbeat ?? []));
                return;
            }

            if (messageClass == 3 && type == 6)
            {
                if (heartbeat is not null)
                {
                    lock (_beats)
                    {
                        if (_beats.Remove(Convert.ToHexString(heartbeat), out var done)) done.TrySetResult();
                    }
                }
                return;
            }

            if (messageClass != 1 || type != 1)
            {
                Owner.Received(messageClass == 0 && type == 0 ? "err" : messageClass == 0 && type == 1 ? "ntfy" : $"m3ua-{messageClass}.{type}");
                return;
            }

            byte[]? data = Parameter(message, M3uaMutator.TagProtocolData);
            if (data is null || data.Length < 15 || data[8] != 5) return;
            byte[] isup = data[12..];
            int cic = isup[0] | (isup[1] & 0x0F) << 8;
            byte isupType = isup[2];
            Owner.Received($"isup-{isupType:x2}");
            byte[]? answer = isupType switch
            {
                0x0C or 0x12 => [isup[0], isup[1], 0x10, 0x00], // REL, RSC → RLC
                0x13 => [isup[0], isup[1], 0x15], // BLO → BLA
                0x14 => [isup[0], isup[1], 0x16], // UBL → UBA
                0x17 when isup.Length >= 6 => GroupAck(isup, 0x29, includeTypeIndicator: false), // GRS → GRA
                0x18 when isup.Length >= 7 => GroupAck(isup, 0x1A, includeTypeIndicator: true), // CGB → CGBA
                0x19 when isup.Length >= 7 => GroupAck(isup, 0x1B, includeTypeIndicator: true), // CGU → CGUA
                _ => null,
            };
            _ = cic;
            if (answer is not null) await SendAsync(Owner._mutator.Data(answer));
        }

        // GRS: CIC type ptr len range → GRA: CIC type ptr len range status (all zero: none blocked).
        // CGB/CGU: CIC type indicator ptr len range status → the same with the acknowledgment type.
        private static byte[] GroupAck(byte[] request, byte type, bool includeTypeIndicator)
        {
            int at = includeTypeIndicator ? 4 : 3;
            int pointer = at + request[at];
            if (pointer + 1 >= request.Length) return [];
            byte range = request[pointer + 1];
            int statusLength = range / 8 + 1;
            var answer = new List<byte> { request[0], request[1], type };
            if (includeTypeIndicator) answer.Add(request[3]);
            answer.Add(0x01);
            answer.Add((byte)(1 + statusLength));
            answer.Add(range);
            if (includeTypeIndicator) answer.AddRange(request.Skip(pointer + 2).Take(statusLength));
            else answer.AddRange(new byte[statusLength]);
            return answer.ToArray();
        }

        private static byte[]? Parameter(byte[] message, ushort tag)
        {
            int at = 8;
            while (at + 4 <= message.Length)
            {
                ushort t = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at));
                int length = BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at + 2));
                if (length < 4 || at + length > message.Length) return null;
                if (t == tag) return message[(at + 4)..(at + length)];
                at += (length + 3) & ~3;
            }
            return null;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
            _socket.Dispose();
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
            _write.Dispose();
        }
    }
}
